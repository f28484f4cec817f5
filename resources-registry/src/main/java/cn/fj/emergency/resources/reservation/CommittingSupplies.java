package cn.fj.emergency.resources.reservation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.resources.Actor;
import cn.fj.emergency.resources.SuppliesProperties;
import cn.fj.emergency.resources.SupplyError;
import cn.fj.emergency.resources.SupplyEvents;
import cn.fj.emergency.resources.SupplyException;
import cn.fj.emergency.resources.SupplyIds;
import cn.fj.emergency.resources.depot.Depot;
import cn.fj.emergency.resources.depot.Depots;
import cn.fj.emergency.resources.reservation.persistence.ReservationStore;
import cn.fj.emergency.resources.stock.Ledger;
import cn.fj.emergency.resources.stock.Movement;
import cn.fj.emergency.resources.stock.MovementPolicy;
import cn.fj.emergency.resources.stock.MovementType;

/**
 * The province commits stock to a request (EDXL-RM CommitResource), from one or several depots, as much of the
 * need as it can: each commitment reserves its stock by a RESERVATION movement in the same transaction, which the
 * ledger refuses rather than oversell; all of one call commit or none. Commitments to one request are made one at
 * a time (its row is locked), so together they never exceed its need. Outside providers' commitments (from an
 * imported CommitResource) count toward the need without stock.
 */
@Component
public class CommittingSupplies {

	private final ReservationStore store;

	private final Requests requests;

	private final Depots depots;

	private final Ledger ledger;

	private final SupplyEvents events;

	private final TransactionalOperator transactions;

	private final Clock clock;

	private final Duration defaultHold;

	public CommittingSupplies(ReservationStore store, Requests requests, Depots depots, Ledger ledger,
			SupplyEvents events, TransactionalOperator transactions, Clock clock, SuppliesProperties properties) {
		this.store = store;
		this.requests = requests;
		this.depots = depots;
		this.ledger = ledger;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.defaultHold = properties.reservationHold();
	}

	public Mono<RequestView> commit(Actor committer, UUID requestId, CommitForm form) {
		return Mono.fromCallable(() -> valid(form, this.clock.instant()))
			.flatMap(valid -> depotsOf(valid).flatMap(depots -> this.transactions
				.transactional(commitLocked(committer, requestId, valid, depots))));
	}

	/** Commitments of outside providers, as an imported CommitResource states them; applied once per message. */
	public Mono<RequestView> commitExternal(Actor committer, UUID requestId, String messageId, List<External> lines) {
		return this.transactions.transactional(this.store.lockRequest(requestId)
			.switchIfEmpty(Mono.error(() -> new SupplyException(SupplyError.NOT_FOUND, "No supply request " + requestId)))
			.flatMap(request -> this.store.alreadyCommitted(requestId, messageId)
				.flatMap(done -> done ? this.requests.view(request) : external(committer, request, messageId, lines))));
	}

	private Mono<RequestView> external(Actor committer, SupplyRequest request, String messageId, List<External> lines) {
		return this.store.commitments(request.id())
			.collectList()
			.flatMap(existing -> {
				Map<Integer, Long> wanted = new HashMap<>();
				lines.forEach(l -> wanted.merge(l.lineNo(), l.quantity(), Long::sum));
				RemainingNeed.check(RemainingNeed.of(request, existing), wanted);
				return insertExternal(committer, request, messageId, lines);
			});
	}

	private Mono<RequestView> insertExternal(Actor committer, SupplyRequest request, String messageId,
			List<External> lines) {
		Instant now = now();
		List<Commitment> commitments = new ArrayList<>();
		for (External line : lines) {
			commitments.add(new Commitment(SupplyIds.newId(this.clock), request.id(), line.lineNo(), null, null,
					line.quantity(), CommitmentStatus.EXTERNAL, line.provider(), line.resourceId(), line.resourceName(),
					committer.key(), now, now, now, 0));
		}
		return Flux.range(0, commitments.size())
			.concatMap(i -> this.store.insert(commitments.get(i), messageId, resourceKey(lines.get(i).resourceId(), i)))
			.then(announce(request, commitments, List.of()));
	}

	private static String resourceKey(@Nullable String resourceId, int index) {
		return (resourceId == null ? "resource" : resourceId) + "#" + index;
	}

	private Mono<RequestView> commitLocked(Actor committer, UUID requestId, ValidCommit valid, Map<String, Depot> depots) {
		return this.store.lockRequest(requestId)
			.switchIfEmpty(Mono.error(() -> new SupplyException(SupplyError.NOT_FOUND, "No supply request " + requestId)))
			.flatMap(request -> this.store.committedWith(requestId, valid.commitId())
				.collectList()
				.flatMap(done -> done.isEmpty() ? reserve(committer, request, valid, depots)
						: sameCall(valid, done).then(this.requests.view(request))));
	}

	/** A retry answers the request as it stands; the same commit id with other lines or hold is refused. */
	private static Mono<Void> sameCall(ValidCommit valid, List<ReservationStore.Committed> done) {
		return Mono.fromRunnable(() -> {
			if (!sameContent(valid, done)) {
				throw new SupplyException(SupplyError.COMMIT_ID_REUSED, "commitId", "The commit id " + valid.commitId()
						+ " was already used for a commitment with other content");
			}
		});
	}

	static boolean sameContent(ValidCommit valid, List<ReservationStore.Committed> done) {
		if (done.size() != valid.lines().size()) {
			return false;
		}
		Map<String, ReservationStore.Committed> byKey = new HashMap<>();
		done.forEach(c -> byKey.put(String.valueOf(c.resourceKey()), c));
		for (int i = 0; i < valid.lines().size(); i++) {
			ValidCommit.Line line = valid.lines().get(i);
			ReservationStore.Committed committed = byKey.get("line#" + i);
			if (committed == null || committed.lineNo() != line.lineNo()
					|| !line.depotCode().equals(committed.depotCode()) || committed.quantity() != line.quantity()
					|| !sameHold(valid.holdUntil(), committed.holdUntil())) {
				return false;
			}
		}
		return true;
	}

	/** An absent hold matches any (the configured one was applied); a stated one to the microsecond stored. */
	private static boolean sameHold(@Nullable Instant asked, Instant stored) {
		return asked == null || Duration.between(asked, stored).abs().compareTo(Duration.ofNanos(1000)) < 0;
	}

	private Mono<RequestView> reserve(Actor committer, SupplyRequest request, ValidCommit valid, Map<String, Depot> depots) {
		return this.store.commitments(request.id()).collectList().flatMap(existing -> {
			List<LineNeed> needs = RemainingNeed.of(request, existing);
			Map<Integer, Long> wanted = new HashMap<>();
			valid.lines().forEach(l -> wanted.merge(l.lineNo(), l.quantity(), Long::sum));
			RemainingNeed.check(needs, wanted);
			Instant now = now();
			List<Commitment> commitments = new ArrayList<>();
			List<Movement> movements = new ArrayList<>();
			for (ValidCommit.Line line : valid.lines()) {
				String item = itemOf(request, line.lineNo());
				UUID id = SupplyIds.newId(this.clock);
				commitments.add(new Commitment(id, request.id(), line.lineNo(), line.depotCode(), item, line.quantity(),
						CommitmentStatus.RESERVED, null, null, null, committer.key(), now,
						valid.holdUntil() == null ? now.plus(this.defaultHold) : valid.holdUntil(), now, 0));
				movements.add(Movement.forCommitment(id, "reserve", line.depotCode(), item, MovementType.RESERVATION,
						line.quantity(), false, now));
			}
			List<String> depotCities = valid.lines().stream()
				.flatMap(l -> depots.get(l.depotCode()).visibleToCities().stream())
				.distinct()
				.toList();
			// the request's row is locked, so its view is what was read plus these commitments; its event is
			// appended with the movements': after the balance locks only the ledger's own statements and the commit
			RequestView view = Requests.viewWith(request, existing, commitments);
			return Flux.range(0, commitments.size())
				.concatMap(i -> this.store.insert(commitments.get(i), valid.commitId(), "line#" + i))
				.then(Mono.defer(() -> this.ledger.applyAll(movements, depots,
						List.of(SupplyRequestEvents.committed(request, commitments, view.needs(), depotCities)))))
				.thenReturn(view);
		});
	}

	private Mono<RequestView> announce(SupplyRequest request, List<Commitment> commitments, List<String> depotCities) {
		return this.requests.view(request)
			.flatMap(view -> this.events
				.append(List.of(SupplyRequestEvents.committed(request, commitments, view.needs(), depotCities)))
				.thenReturn(view));
	}

	private static String itemOf(SupplyRequest request, int lineNo) {
		RequestLine line = request.lines().stream()
			.filter(l -> l.lineNo() == lineNo)
			.findFirst()
			.orElseThrow(() -> new SupplyException(SupplyError.INVALID_FIELD, "lineNo", "The request has no line " + lineNo));
		String item = line.itemCode();
		if (item == null) {
			throw new SupplyException(SupplyError.INVALID_FIELD, "lineNo", "Line " + lineNo
					+ " asks for an outside resource type, not a catalogue item: only its providers commit it");
		}
		return item;
	}

	private Mono<Map<String, Depot>> depotsOf(ValidCommit valid) {
		return Flux.fromIterable(valid.lines())
			.map(ValidCommit.Line::depotCode)
			.distinct()
			.concatMap(this.depots::depot)
			.doOnNext(CommittingSupplies::inService)
			.collectMap(Depot::code, d -> d, LinkedHashMap::new);
	}

	private static void inService(Depot depot) {
		if (!depot.enabled()) {
			throw new SupplyException(SupplyError.DEPOT_DISABLED, "depotCode", "The depot " + depot.code()
					+ " is disabled: it takes no new commitments");
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	static ValidCommit valid(CommitForm form, Instant now) {
		String commitId = MovementPolicy.id("commitId", form.commitId());
		Instant holdUntil = form.holdUntil() == null ? null : MovementPolicy.time("holdUntil", form.holdUntil());
		if (holdUntil != null && !holdUntil.isAfter(now)) {
			throw new SupplyException(SupplyError.INVALID_FIELD, "holdUntil", "holdUntil lies in the past");
		}
		List<CommitForm.Line> lines = form.lines();
		if (lines == null || lines.isEmpty()) {
			throw new SupplyException(SupplyError.FIELD_REQUIRED, "lines", "A commitment needs at least one line");
		}
		List<ValidCommit.Line> valid = new ArrayList<>();
		for (CommitForm.Line line : lines) {
			Integer lineNo = line.lineNo();
			Long quantity = line.quantity();
			if (lineNo == null) {
				throw new SupplyException(SupplyError.FIELD_REQUIRED, "lineNo", "lineNo is required");
			}
			String depot = MovementPolicy.required("depotCode", line.depotCode());
			if (quantity == null) {
				throw new SupplyException(SupplyError.FIELD_REQUIRED, "quantity", "quantity is required");
			}
			if (quantity <= 0 || quantity > RequestPolicy.MAX_QUANTITY) {
				throw new SupplyException(SupplyError.INVALID_FIELD, "quantity", "quantity is between 1 and " + RequestPolicy.MAX_QUANTITY);
			}
			valid.add(new ValidCommit.Line(lineNo, depot, quantity));
		}
		return new ValidCommit(commitId, holdUntil, valid);
	}

	/** A commitment call that passed the checks. */
	record ValidCommit(String commitId, @Nullable Instant holdUntil, List<Line> lines) {

		record Line(int lineNo, String depotCode, long quantity) {
		}

	}

	/** An outside provider's commitment to a line: its quantity and how it names the resource. */
	public record External(int lineNo, long quantity, @Nullable String provider, @Nullable String resourceId,
			@Nullable String resourceName) {
	}

}
