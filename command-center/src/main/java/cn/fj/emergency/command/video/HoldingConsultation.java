package cn.fj.emergency.command.video;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.Ids;
import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.Fields;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.stream.Audience;
import cn.fj.emergency.command.stream.EventLog;
import cn.fj.emergency.command.stream.NewEvent;
import cn.fj.emergency.command.video.persistence.ConsultationStore;

/**
 * Video consultation sessions on an incident. Every step (opened, invited, joined, left, closed) is one
 * transaction on the locked session row with its event, addressed to the session's members, so that everyone in
 * it sees the others come and go live. Joining when already in, or leaving when not in, changes nothing and
 * appends nothing.
 */
@Component
public class HoldingConsultation {

	private final ConsultationStore store;

	private final ManagingConsoleGroups officers;

	private final EventLog events;

	private final TransactionalOperator transactions;

	private final Clock clock;

	public HoldingConsultation(ConsultationStore store, ManagingConsoleGroups officers, EventLog events,
			TransactionalOperator transactions, Clock clock) {
		this.store = store;
		this.officers = officers;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Mono<ConsultationSession.View> open(HubPrincipal officer, ConsultationSession.Opening opening) {
		return Mono.fromCallable(() -> opened(officer, opening))
			.flatMap(session -> this.officers.requireOfficers(usernames(session.invitedOfficers()), "officers")
				.then(this.transactions.transactional(this.store.insert(session)
					.switchIfEmpty(Mono.error(() -> HubException.field(ErrorCode.NOT_FOUND, "incidentId", "No incident " + session.incidentId())))
					.map(exercise -> withExercise(session, exercise))
					.flatMap(s -> append(s, step("OPENED", s.openedBy(), null, s.invitedCities(), s.invitedOfficers(), s))))));
	}

	public Mono<ConsultationSession.View> invite(HubPrincipal officer, UUID id, ConsultationSession.Invitation invitation) {
		return Mono.defer(() -> {
			List<String> cities = cities(invitation.cities());
			List<String> invitedOfficers = names(invitation.officers());
			if (cities.isEmpty() && invitedOfficers.isEmpty()) {
				return Mono.error(HubException.field(ErrorCode.FIELD_REQUIRED, "cities", "Invite at least one city or officer"));
			}
			return this.officers.requireOfficers(usernames(invitedOfficers), "officers")
				.then(change(id, session -> {
					session.requireOpen();
					ConsultationSession next = session.invited(cities, invitedOfficers);
					return Mono.just(new Change(next, step("INVITED", who(officer), null, cities, invitedOfficers, next)));
				}));
		});
	}

	public Mono<ConsultationSession.View> join(HubPrincipal principal, UUID id) {
		return change(id, session -> {
			session.requireOpen();
			String name = session.joinerName(principal);
			if (session.participants().contains(name)) {
				return Mono.just(new Change(session, null));
			}
			ConsultationSession next = session.joined(name);
			return Mono.just(new Change(next, step("JOINED", name, name, List.of(), List.of(), next)));
		});
	}

	public Mono<ConsultationSession.View> leave(HubPrincipal principal, UUID id) {
		return change(id, session -> {
			session.requireOpen();
			String name = session.participantName(principal);
			if (name == null) {
				if (!session.isMember(Audience.namesOf(principal))) {
					return Mono.error(notFound(id));
				}
				return Mono.just(new Change(session, null));
			}
			ConsultationSession next = session.left(name);
			return Mono.just(new Change(next, step("LEFT", name, name, List.of(), List.of(), next)));
		});
	}

	public Mono<ConsultationSession.View> close(HubPrincipal officer, UUID id) {
		return change(id, session -> {
			session.requireOpen();
			ConsultationSession next = session.closed(who(officer), now());
			return Mono.just(new Change(next, step("CLOSED", who(officer), null, List.of(), List.of(), next)));
		});
	}

	/** The session if the principal may see it: province-wide officers see all, others the sessions they are part of. */
	public Mono<ConsultationSession.View> view(HubPrincipal principal, UUID id) {
		Set<String> names = Audience.namesOf(principal);
		return this.store.find(id)
			.filter(s -> (principal.provinceWide() && principal.kind() == HubPrincipal.Kind.OFFICER) || s.isMember(names))
			.switchIfEmpty(Mono.error(() -> notFound(id)))
			.map(ConsultationSession::view);
	}

	/**
	 * Every session open now, whatever its incident, oldest first (at most {@code OPEN_LIMIT}): all of them for a
	 * province-wide officer, those the principal is part of (invited, present, or in an invited city) otherwise.
	 */
	public Flux<ConsultationSession.View> open(HubPrincipal principal) {
		Set<String> names = Audience.namesOf(principal);
		boolean all = principal.provinceWide() && principal.kind() == HubPrincipal.Kind.OFFICER;
		return this.store.open(OPEN_LIMIT).filter(s -> all || s.isMember(names)).map(ConsultationSession::view);
	}

	/** The most open sessions {@link #open} answers. */
	public static final int OPEN_LIMIT = 1000;

	public Flux<ConsultationSession.View> forIncident(UUID incidentId) {
		return this.store.byIncident(incidentId, 1000).map(ConsultationSession::view);
	}

	/** A step on the locked session: the new state and its event, or no event when nothing changed. */
	private record Change(ConsultationSession session, ConsultationSession.@Nullable Step step) {
	}

	private Mono<ConsultationSession.View> change(UUID id, Function<ConsultationSession, Mono<Change>> step) {
		Mono<ConsultationSession.View> work = this.store.lock(id)
			.switchIfEmpty(Mono.error(() -> notFound(id)))
			.flatMap(session -> Mono.defer(() -> step.apply(session)))
			.flatMap(change -> change.step() == null ? Mono.just(change.session().view())
					: this.store.update(change.session()).then(append(change.session(), change.step())));
		return this.transactions.transactional(work);
	}

	private Mono<ConsultationSession.View> append(ConsultationSession session, ConsultationSession.Step step) {
		String type = switch (step.action()) {
			case "OPENED" -> VideoEvents.CONSULTATION_OPENED;
			case "INVITED" -> VideoEvents.CONSULTATION_INVITED;
			case "JOINED" -> VideoEvents.CONSULTATION_JOINED;
			case "LEFT" -> VideoEvents.CONSULTATION_LEFT;
			default -> VideoEvents.CONSULTATION_CLOSED;
		};
		NewEvent event = NewEvent.critical(VideoEvents.STREAM, type, session.id().toString(), session.invitedCities(),
				session.exercise(), step).withAudience(session.members());
		return this.events.append(List.of(event)).thenReturn(session.view());
	}

	private ConsultationSession opened(HubPrincipal officer, ConsultationSession.Opening o) {
		if (o.incidentId() == null) {
			throw HubException.field(ErrorCode.FIELD_REQUIRED, "incidentId", "incidentId is required");
		}
		String title = Fields.required("title", o.title()).strip();
		if (title.length() > ConsultationSession.MAX_TITLE) {
			throw HubException.field(ErrorCode.FIELD_TOO_LONG, "title", "title has at most " + ConsultationSession.MAX_TITLE + " characters");
		}
		String opener = who(officer);
		ConsultationSession empty = new ConsultationSession(Ids.newId(this.clock), o.incidentId(), title, opener, now(),
				List.of(), List.of(), List.of(), List.of(opener), false, null, null);
		return empty.invited(cities(o.cities()), names(o.officers()));
	}

	private static ConsultationSession withExercise(ConsultationSession s, boolean exercise) {
		return new ConsultationSession(s.id(), s.incidentId(), s.title(), s.openedBy(), s.openedAt(), s.invitedCities(),
				s.invitedOfficers(), s.participants(), s.members(), exercise, s.closedBy(), s.closedAt());
	}

	private static ConsultationSession.Step step(String action, String actor, @Nullable String participant,
			List<String> cities, List<String> officers, ConsultationSession session) {
		return new ConsultationSession.Step(action, actor, participant, cities, officers, session.view());
	}

	private static List<String> cities(@Nullable List<String> cities) {
		List<String> list = cities == null ? List.of() : cities.stream().distinct().toList();
		DispatchPolicy.blankless("cities", list);
		for (String city : list) {
			if (!Areas.isCity(city)) {
				throw HubException.field(ErrorCode.UNKNOWN_AREA, "cities", "Unknown platform code '" + city + "'");
			}
		}
		return list;
	}

	/** Usernames as audience names. */
	private static List<String> names(@Nullable List<String> usernames) {
		List<String> list = usernames == null ? List.of() : usernames.stream().distinct().toList();
		DispatchPolicy.blankless("officers", list);
		return list.stream().map(Audience::officer).toList();
	}

	private static List<String> usernames(List<String> officerNames) {
		return officerNames.stream().map(n -> n.substring(n.indexOf(':') + 1)).toList();
	}

	private static HubException notFound(UUID id) {
		return new HubException(ErrorCode.NOT_FOUND, "No consultation session " + id);
	}

	private static String who(HubPrincipal principal) {
		return RegisteringVideoSource.who(principal);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
