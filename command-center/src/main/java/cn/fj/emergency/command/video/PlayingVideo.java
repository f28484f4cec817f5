package cn.fj.emergency.command.video;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.SecurityProperties;
import cn.fj.emergency.command.security.SigningKeys;
import cn.fj.emergency.command.stream.Audience;
import cn.fj.emergency.command.video.persistence.DispatchStore;
import cn.fj.emergency.command.video.persistence.VideoSourceStore;

/**
 * Playback goes through a short-lived signed token, never a bare stream address. A receiver of an active dispatch
 * gets a token and a playback URL on the hub; the URL, while the token is valid, the dispatch active, the viewer
 * still one of its receivers and the source enabled, hands the player to the stream address.
 */
@Component
public class PlayingVideo {

	/** Where the playback URLs are served; the token follows. */
	public static final String PLAY_PATH = "/api/video/play/";

	private final DispatchingVideo dispatching;

	private final DispatchStore dispatches;

	private final VideoSourceStore sources;

	private final PlaybackTokens tokens;

	private final Clock clock;

	public PlayingVideo(DispatchingVideo dispatching, DispatchStore dispatches, VideoSourceStore sources, SigningKeys keys,
			SecurityProperties security, VideoProperties properties, Clock clock) {
		this.dispatching = dispatching;
		this.dispatches = dispatches;
		this.sources = sources;
		this.tokens = new PlaybackTokens(keys, security.issuer(), clock, properties.playbackTokenTtl());
		this.clock = clock;
	}

	/** A token and URL to play what was dispatched: only for a receiver, while the dispatch is active. */
	public record Grant(UUID dispatchId, UUID sourceId, StreamProtocol protocol, String token, String playbackUrl,
			Instant expiresAt) {
	}

	public Mono<Grant> grant(HubPrincipal viewer, UUID dispatchId) {
		Set<String> names = Audience.namesOf(viewer);
		return this.dispatching.visibleTo(viewer, dispatchId)
			.flatMap(dispatch -> {
				if (!dispatch.isReceiver(names)) {
					return Mono.error(new HubException(ErrorCode.NOT_A_DISPATCH_RECEIVER,
							"Only the receivers of dispatch " + dispatchId + " may play it"));
				}
				return activeSource(dispatch).flatMap(source -> sign(viewerName(dispatch, names), dispatch, source));
			});
	}

	/** The stream address behind a playback token, or the refusal the token deserves. */
	public Mono<URI> resolve(String token) {
		return Mono.fromCallable(() -> this.tokens.verify(token))
			.flatMap(claimed -> this.dispatches.find(claimed.dispatchId())
				.switchIfEmpty(Mono.error(() -> invalid("The playback token names no dispatch of this hub")))
				.flatMap(dispatch -> {
					if (!dispatch.sourceId().equals(claimed.sourceId()) || !dispatch.audience().contains(claimed.viewer())) {
						return Mono.error(invalid("The playback token does not fit its dispatch"));
					}
					return activeSource(dispatch);
				}))
			.map(source -> URI.create(source.address().url()));
	}

	private Mono<VideoSource> activeSource(VideoDispatch dispatch) {
		VideoDispatch.Status status = dispatch.status(this.clock.instant());
		if (status != VideoDispatch.Status.ACTIVE) {
			return Mono.error(new HubException(ErrorCode.VIDEO_DISPATCH_ENDED,
					"Dispatch " + dispatch.id() + " is " + status.name().toLowerCase(java.util.Locale.ROOT)));
		}
		return this.sources.find(dispatch.sourceId())
			.filter(VideoSource::enabled)
			.switchIfEmpty(Mono.error(() -> new HubException(ErrorCode.VIDEO_SOURCE_DISABLED,
					"Video source " + dispatch.sourceId() + " is disabled")));
	}

	private Mono<Grant> sign(String viewer, VideoDispatch dispatch, VideoSource source) {
		return Mono.fromCallable(() -> this.tokens.issue(viewer, dispatch.id(), source.id(), dispatch.until()))
			.subscribeOn(Schedulers.boundedElastic())
			.map(issued -> new Grant(dispatch.id(), source.id(), source.address().protocol(), issued.token(),
					PLAY_PATH + issued.token(), issued.expiresAt()));
	}

	private static String viewerName(VideoDispatch dispatch, Set<String> names) {
		for (String name : dispatch.audience()) {
			if (names.contains(name)) {
				return name;
			}
		}
		throw new IllegalStateException("not a receiver");
	}

	private static HubException invalid(String message) {
		return new HubException(ErrorCode.PLAYBACK_TOKEN_INVALID, message);
	}

}
