package cn.fj.emergency.command.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import cn.fj.emergency.command.Digests;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.error.StorableText;
import cn.fj.emergency.command.plan.persistence.PlanStore;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.stream.EventLog;
import cn.fj.emergency.command.stream.NewEvent;

/**
 * An administrator imports a plan, adds a version to it or retires it (docs/plans.md): each change one transaction
 * with its event on the log (and so in the audit trail). A version, once stored, is never changed.
 */
@Component
public class ManagingPlans {

	/** The plans the hub ships (docs/plans.md#shipped-plans), imported by {@link #importShipped}. */
	public static final List<String> SHIPPED = List.of("fj-typhoon", "fj-flood");

	static final int MAX_NOTE = 500;

	private final PlanStore store;

	private final EventLog events;

	private final TransactionalOperator transactions;

	private final Clock clock;

	public ManagingPlans(PlanStore store, EventLog events, TransactionalOperator transactions, Clock clock) {
		this.store = store;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Reads and checks a file without storing it: the plan in canonical form, or {@link ErrorCode#PLAN_INVALID}. */
	public static Plan check(byte[] file) {
		try {
			return PlanFile.read(file);
		}
		catch (PlanFile.PlanInvalid ex) {
			throw invalid(ex);
		}
	}

	/** A new plan at version 1; {@link ErrorCode#PLAN_EXISTS} when its id is taken. */
	public Mono<PlanVersion> importPlan(HubPrincipal admin, byte[] file, @Nullable String note) {
		return Mono.fromCallable(() -> {
			Plan plan = check(file);
			if (plan.version() != 0) {
				throw new HubException(ErrorCode.PLAN_VERSION_CONFLICT, "Plan " + plan.id()
						+ " is new here: a first import names no version (the file names " + plan.version() + ")",
						Map.of("planId", plan.id(), "field", "version"));
			}
			return new Checked(plan, note(note, "imported", false));
		}).flatMap(checked -> this.transactions.transactional(Mono.defer(() -> {
			Instant now = now();
			return this.store.create(checked.plan().id(), now).flatMap(created -> {
				if (!created) {
					return Mono.error(new HubException(ErrorCode.PLAN_EXISTS, "A plan " + checked.plan().id()
							+ " exists already: add a version to it (POST /api/plans/" + checked.plan().id() + "/versions)",
							Map.of("planId", checked.plan().id())));
				}
				return store(admin, checked.plan().withVersion(1), checked.note(), now, PlanEvent.IMPORTED);
			});
		})));
	}

	/**
	 * The next version of plan {@code planId} from a changed file. The file's {@code id} must be the plan's; its
	 * {@code version}, when given, is the version it was edited from and must still be the current one
	 * ({@link ErrorCode#PLAN_VERSION_CONFLICT} otherwise).
	 */
	public Mono<PlanVersion> addVersion(HubPrincipal admin, String planId, byte[] file, @Nullable String note) {
		return Mono.fromCallable(() -> {
			Plan plan = check(file);
			if (!plan.id().equals(planId)) {
				throw new HubException(ErrorCode.PLAN_INVALID, "The file is plan " + plan.id() + ", not " + planId,
						Map.of("planId", planId, "problems", List.of(new PlanProblem("/id",
								"the file names plan " + plan.id() + " but is sent as a version of " + planId))));
			}
			return new Checked(plan, note(note, null, true));
		}).flatMap(checked -> this.transactions.transactional(Mono.defer(() -> this.store
			.advance(planId, checked.plan().version())
			.switchIfEmpty(Mono.defer(() -> whyNot(planId, checked.plan().version())))
			.flatMap(version -> store(admin, checked.plan().withVersion(version), checked.note(), now(),
					PlanEvent.VERSION_ADDED)))));
	}

	/** Retires a plan: no more versions; its versions stay readable (running responses keep theirs). */
	public Mono<PlanSummary> retire(HubPrincipal admin, String planId, @Nullable String reason) {
		return Mono.fromCallable(() -> {
			if (reason == null || reason.isBlank()) {
				throw HubException.field(ErrorCode.REASON_REQUIRED, "reason", "Give the reason the plan is retired");
			}
			return note(reason, null, true);
		}).flatMap(why -> this.transactions.transactional(Mono.defer(() -> {
			Instant now = now();
			return this.store.retire(planId, admin.subject(), why, now)
				.flatMap(done -> done ? this.store.find(planId) : Mono.defer(() -> whyNot(planId, 0)).then(Mono.empty()))
				.flatMap(plan -> append(PlanEvent.RETIRED, new PlanEvent(planId, plan.currentVersion(), plan.titleZh(),
						plan.titleEn(), plan.category(), admin.subject(), why, null))
					.thenReturn(plan));
		})));
	}

	/**
	 * Imports each shipped plan the hub does not hold yet (a plan of that id, whatever its versions); answers the
	 * versions imported, none when all are there.
	 */
	public Flux<PlanVersion> importShipped(HubPrincipal admin) {
		return Flux.fromIterable(SHIPPED)
			.concatMap(id -> this.store.find(id)
				.hasElement()
				.flatMap(present -> present ? Mono.<PlanVersion>empty()
						: shippedFile(id).flatMap(file -> importPlan(admin, file, "shipped with the hub"))));
	}

	/** The file of a shipped plan, from the hub's resources. */
	public static Mono<byte[]> shippedFile(String id) {
		return Mono.fromCallable(() -> {
			try (InputStream in = ManagingPlans.class.getResourceAsStream("/plans/" + id + ".json")) {
				if (in == null) {
					throw new IllegalStateException("The shipped plan " + id + " is missing from the hub's resources");
				}
				return in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).subscribeOn(Schedulers.boundedElastic());
	}

	private Mono<PlanVersion> store(HubPrincipal admin, Plan plan, String note, Instant now, String type) {
		String content = PlanFile.write(plan);
		PlanVersion version = new PlanVersion(plan.id(), plan.version(), plan.title().zh(), plan.title().en(),
				plan.category(), admin.subject(), now, note, Digests.sha256Hex(content));
		return this.store.insertVersion(version, content)
			.then(append(type, new PlanEvent(plan.id(), plan.version(), plan.title().zh(), plan.title().en(),
					plan.category(), admin.subject(), note, version.sha256())))
			.thenReturn(version);
	}

	private Mono<Void> append(String type, PlanEvent data) {
		return this.events
			.append(List.of(NewEvent.critical(PlanEvent.STREAM, type, data.planId(), List.of(), false, data)))
			.then();
	}

	/** Why a plan could not move to its next version: missing, retired, or moved on from the file's version. */
	private <T> Mono<T> whyNot(String planId, int editedFrom) {
		return this.store.find(planId)
			.switchIfEmpty(Mono.error(() -> new HubException(ErrorCode.PLAN_NOT_FOUND, "No plan " + planId,
					Map.of("planId", planId))))
			.flatMap(plan -> Mono.error(plan.retiredAt() != null
					? new HubException(ErrorCode.PLAN_RETIRED, "Plan " + planId + " is retired", Map.of("planId", planId))
					: new HubException(ErrorCode.PLAN_VERSION_CONFLICT,
							"The file was edited from version " + editedFrom + " but version " + plan.currentVersion()
									+ " is current: take the current version, apply the change to it and send it again",
							Map.of("planId", planId, "field", "version", "currentVersion", plan.currentVersion()))));
	}

	private static String note(@Nullable String note, @Nullable String otherwise, boolean required) {
		if (note == null || note.isBlank()) {
			if (required || otherwise == null) {
				throw HubException.field(ErrorCode.FIELD_REQUIRED, "note", "Say what changed (note)");
			}
			return otherwise;
		}
		if (note.length() > MAX_NOTE) {
			throw HubException.field(ErrorCode.FIELD_TOO_LONG, "note", "A note has at most " + MAX_NOTE + " characters");
		}
		String problem = StorableText.problem(note);
		if (problem != null) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "note", problem);
		}
		return note.strip();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	static HubException invalid(PlanFile.PlanInvalid ex) {
		return new HubException(ErrorCode.PLAN_INVALID, ex.getMessage(), Map.of("problems", ex.problems()));
	}

	private record Checked(Plan plan, String note) {
	}

}
