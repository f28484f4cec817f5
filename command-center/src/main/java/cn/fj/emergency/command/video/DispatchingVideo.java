package cn.fj.emergency.command.video;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.Ids;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.stream.Audience;
import cn.fj.emergency.command.stream.EventLog;
import cn.fj.emergency.command.stream.NewEvent;
import cn.fj.emergency.command.video.persistence.DispatchStore;
import cn.fj.emergency.command.video.persistence.VideoSourceStore;

/**
 * An officer dispatches a video source, for an incident, to officers' consoles, console groups and city platforms.
 * Groups are expanded to their members now; the expansion is recorded and is the audience of the dispatch's events
 * ({@code video.dispatched}, later {@code video.withdrawn}), so they reach exactly the receivers. The dispatch row
 * and its event are one transaction.
 */
@Component
public class DispatchingVideo {

	/** The most active dispatches {@link #active} answers. */
	static final int ACTIVE_LIMIT = 2000;

	private final DispatchStore dispatches;

	private final VideoSourceStore sources;

	private final ManagingConsoleGroups groups;

	private final EventLog events;

	private final TransactionalOperator transactions;

	private final Clock clock;

	public DispatchingVideo(DispatchStore dispatches, VideoSourceStore sources, ManagingConsoleGroups groups,
			EventLog events, TransactionalOperator transactions, Clock clock) {
		this.dispatches = dispatches;
		this.sources = sources;
		this.groups = groups;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Mono<VideoDispatch.View> dispatch(HubPrincipal officer, VideoDispatch.Request request) {
		return Mono.fromCallable(() -> DispatchPolicy.check(request, this.clock.instant()))
			.flatMap(checked -> enabledSource(checked.sourceId())
				.flatMap(source -> audience(checked.targets())
					.map(audience -> newDispatch(officer, checked, audience))
					.flatMap(dispatch -> record(dispatch, source))));
	}

	public Mono<VideoDispatch.View> withdraw(HubPrincipal officer, UUID id, VideoDispatch.Withdrawal withdrawal) {
		return Mono.defer(() -> withdraw(officer, id, DispatchPolicy.reason(withdrawal)));
	}

	private Mono<VideoDispatch.View> withdraw(HubPrincipal officer, UUID id, @Nullable String reason) {
		return this.transactions.transactional(this.dispatches.lock(id)
				.switchIfEmpty(Mono.error(() -> new HubException(ErrorCode.NOT_FOUND, "No video dispatch " + id)))
				.flatMap(dispatch -> {
					if (dispatch.withdrawnAt() != null) {
						return Mono.error(new HubException(ErrorCode.VIDEO_DISPATCH_ENDED, "Dispatch " + id + " is already withdrawn"));
					}
					VideoDispatch withdrawn = dispatch.withdrawn(RegisteringVideoSource.who(officer), now(), reason);
					return this.sources.find(dispatch.sourceId())
						.flatMap(source -> this.dispatches.markWithdrawn(withdrawn)
							.then(this.events.append(List.of(event(VideoEvents.WITHDRAWN, withdrawn, source))))
							.thenReturn(withdrawn.view(source.view(), this.clock.instant())));
				}));
	}

	/**
	 * The dispatch if the principal may see it: province-wide officers see every dispatch, anyone else only those it
	 * receives; for them others do not exist.
	 */
	public Mono<VideoDispatch> visibleTo(HubPrincipal principal, UUID id) {
		Set<String> names = Audience.namesOf(principal);
		return this.dispatches.find(id)
			.filter(d -> (principal.provinceWide() && principal.kind() == HubPrincipal.Kind.OFFICER) || d.isReceiver(names))
			.switchIfEmpty(Mono.error(() -> new HubException(ErrorCode.NOT_FOUND, "No video dispatch " + id)));
	}

	public Mono<VideoDispatch.View> view(HubPrincipal principal, UUID id) {
		return visibleTo(principal, id).flatMap(this::view);
	}

	/**
	 * Every dispatch active now (not withdrawn, {@code until} not passed), oldest first, whatever its incident:
	 * all of them for a province-wide officer, those addressed to a city-scoped officer (himself or a group he is
	 * in) otherwise.
	 */
	public Flux<VideoDispatch.View> active(HubPrincipal principal) {
		return Flux.defer(() -> {
			boolean all = principal.provinceWide() && principal.kind() == HubPrincipal.Kind.OFFICER;
			return this.dispatches.active(this.clock.instant(), all ? null : List.copyOf(Audience.namesOf(principal)), ACTIVE_LIMIT);
		}).concatMap(this::view);
	}

	/** An incident's dispatches, oldest first (officers). */
	public Flux<VideoDispatch.View> forIncident(UUID incidentId) {
		return this.dispatches.byIncident(incidentId, 1000).concatMap(this::view);
	}

	private Mono<VideoDispatch.View> view(VideoDispatch dispatch) {
		return this.sources.find(dispatch.sourceId()).map(source -> dispatch.view(source.view(), this.clock.instant()));
	}

	private Mono<VideoSource> enabledSource(UUID id) {
		return this.sources.find(id)
			.switchIfEmpty(Mono.error(() -> HubException.field(ErrorCode.UNKNOWN_VIDEO_SOURCE, "sourceId", "No video source " + id)))
			.flatMap(source -> source.enabled() ? Mono.just(source)
					: Mono.error(HubException.field(ErrorCode.VIDEO_SOURCE_DISABLED, "sourceId", "Video source " + id + " is disabled")));
	}

	/** Officers named, members of the groups named, and the city platforms named, as audience names. */
	private Mono<List<String>> audience(DispatchTargets targets) {
		return this.groups.requireOfficers(targets.officers(), "targets.officers")
			.then(this.groups.groups(targets.groups(), "targets.groups"))
			.map(found -> {
				Set<String> audience = new LinkedHashSet<>();
				targets.officers().forEach(o -> audience.add(Audience.officer(o)));
				found.forEach(g -> g.members().forEach(m -> audience.add(Audience.officer(m))));
				targets.cities().forEach(c -> audience.add(Audience.city(c)));
				return List.copyOf(audience);
			});
	}

	private VideoDispatch newDispatch(HubPrincipal officer, DispatchPolicy.Checked c, List<String> audience) {
		if (audience.isEmpty()) {
			// an event without audience would reach every officer: never let a dispatch become one
			throw new IllegalStateException("A dispatch must have receivers");
		}
		return new VideoDispatch(Ids.newId(this.clock), c.sourceId(), c.incidentId(), c.targets(), audience, c.note(),
				c.until(), false, RegisteringVideoSource.who(officer), now(), null, null, null);
	}

	private Mono<VideoDispatch.View> record(VideoDispatch dispatch, VideoSource source) {
		Mono<VideoDispatch.View> work = this.dispatches.insert(dispatch)
			.switchIfEmpty(Mono.error(() -> HubException.field(ErrorCode.NOT_FOUND, "incidentId", "No incident " + dispatch.incidentId())))
			.map(exercise -> withExercise(dispatch, exercise))
			.flatMap(recorded -> this.events.append(List.of(event(VideoEvents.DISPATCHED, recorded, source)))
				.thenReturn(recorded.view(source.view(), this.clock.instant())));
		return this.transactions.transactional(work);
	}

	private static VideoDispatch withExercise(VideoDispatch d, boolean exercise) {
		return new VideoDispatch(d.id(), d.sourceId(), d.incidentId(), d.targets(), d.audience(), d.note(), d.until(),
				exercise, d.dispatchedBy(), d.dispatchedAt(), d.withdrawnBy(), d.withdrawnAt(), d.withdrawReason());
	}

	private NewEvent event(String type, VideoDispatch dispatch, VideoSource source) {
		return NewEvent.critical(VideoEvents.STREAM, type, dispatch.id().toString(), dispatch.targets().cities(),
				dispatch.exercise(), dispatch.view(source.view(), this.clock.instant()))
			.withAudience(dispatch.audience());
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
