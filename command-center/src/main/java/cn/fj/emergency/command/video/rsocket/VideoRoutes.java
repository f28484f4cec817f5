package cn.fj.emergency.command.video.rsocket;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.stream.EventStreams;
import cn.fj.emergency.command.stream.HubEvent;
import cn.fj.emergency.command.stream.StreamRequest;
import cn.fj.emergency.command.video.ConsultationSession;
import cn.fj.emergency.command.video.HoldingConsultation;
import cn.fj.emergency.command.video.PlayingVideo;
import cn.fj.emergency.command.video.VideoEvents;

/** City-link routes of video (docs/city-link.md#video-routes). */
@Controller
class VideoRoutes {

	private final EventStreams streams;

	private final PlayingVideo playing;

	private final HoldingConsultation consultations;

	VideoRoutes(EventStreams streams, PlayingVideo playing, HoldingConsultation consultations) {
		this.streams = streams;
		this.playing = playing;
		this.consultations = consultations;
	}

	/** {@code after}: as in {@code events.stream}. */
	record DispatchStreamRequest(@Nullable Long after) {
	}

	/** Names a dispatch to play. */
	record PlaybackRequest(@Nullable UUID dispatchId) {
	}

	/**
	 * The dispatches addressed to the caller and their withdrawals: the event log's {@code video} stream narrowed to
	 * those two types, with its resume, backfill and delivery guarantees.
	 */
	@MessageMapping("video.dispatches")
	Flux<HubEvent> dispatches(DispatchStreamRequest request, HubPrincipal principal) {
		return this.streams.subscribe(principal, new StreamRequest(request.after(), Set.of(VideoEvents.STREAM), null))
			.filter(event -> VideoEvents.DISPATCH_TYPES.contains(event.type()));
	}

	@MessageMapping("video.playback")
	Mono<PlayingVideo.Grant> playback(PlaybackRequest request, HubPrincipal principal) {
		UUID id = request.dispatchId();
		return id == null ? Mono.error(HubException.field(ErrorCode.FIELD_REQUIRED, "dispatchId", "dispatchId is required"))
				: this.playing.grant(principal, id);
	}

	@MessageMapping("consultations.join")
	Mono<ConsultationSession.View> join(ConsultationSession.Ref ref, HubPrincipal principal) {
		return session(ref).flatMap(id -> this.consultations.join(principal, id));
	}

	@MessageMapping("consultations.leave")
	Mono<ConsultationSession.View> leave(ConsultationSession.Ref ref, HubPrincipal principal) {
		return session(ref).flatMap(id -> this.consultations.leave(principal, id));
	}

	private static Mono<UUID> session(ConsultationSession.Ref ref) {
		UUID id = ref.sessionId();
		return id == null ? Mono.error(HubException.field(ErrorCode.FIELD_REQUIRED, "sessionId", "sessionId is required"))
				: Mono.just(id);
	}

}
