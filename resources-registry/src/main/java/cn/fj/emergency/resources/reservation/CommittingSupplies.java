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
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

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
import cn.fj.emergency.resources.stock.LockedBalances;
import cn.fj.emergency.resources.stock.Movement;
import cn.fj.emergency.resources.stock.MovementPolicy;
import cn.fj.emergency.resources.stock.MovementType;

/**
 * The province commits stock to a request (EDXL-RM CommitResource), from one or several depots, as much of the
 * need as it can: each commitment reserves its stock by a RESERVATION movement in the same transaction, which the
 * ledger refuses rather than oversell; all of one call commit or none. Commitments to one request are made one at
 * a time (its row is locked), so together they never exceed its need. Outside providers' commitments (from an
 * imported CommitResource) count toward the need without stock.
 *
 * <p>Calls that draw on the same balances wait in one lane ({@link CommitmentLanes}) and are written in batches:
 * one transaction locks the batch's requests and then its balances once, decides each call in its turn against the
 * levels and needs the calls before it left (each is committed, answered as a retry, or refused with its own
 * error, changing nothing), and writes the whole batch in a few multi-row statements. A lone call is a batch of
 * one and goes at once. Across hub instances the row locks keep the batches of one balance one after another.
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

	/** Calls waiting on the same balances, taken in batches: one transaction and one balance lock for a batch. */
	private final CommitmentLanes<Call> lanes;

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
		this.lanes = new CommitmentLanes<>(properties.commitBatch(), this::batch);
	}

	public Mono<RequestView> commit(Actor committer, UUID requestId, CommitForm form) {
		return Mono.fromCallable(() -> valid(form, this.clock.instant()))
			.flatMap(valid -> depotsOf(valid).flatMap(depots -> this.store.request(requestId)
				.switchIfEmpty(Mono.error(() -> new SupplyException(SupplyError.NOT_FOUND, "No supply request " + requestId)))
				.flatMap(request -> {
					Call call = new Call(committer, request, valid, depots, Sinks.one());
					this.lanes.submit(laneKey(request, valid), call);
					return call.answer().asMono();
				})));
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
			.then(Mono.defer(() -> addToLines(commitments)))
			.then(announce(request, commitments, List.of()));
	}

	private static String resourceKey(@Nullable String resourceId, int index) {
		return (resourceId == null ? "resource" : resourceId) + "#" + index;
	}

	/** A retry answers the request as it stands; the same commit id with other lines or hold is refused. */
	private static void sameCall(ValidCommit valid, List<ReservationStore.Committed> done) {
		if (!sameContent(valid, done)) {
			throw new SupplyException(SupplyError.COMMIT_ID_REUSED, "commitId", "The commit id " + valid.commitId()
					+ " was already used for a commitment with other content");
		}
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

	/** The lane of a call: the balances (depot, item) its lines draw on, or its request's if none resolves. */
	static String laneKey(SupplyRequest request, ValidCommit valid) {
		TreeSet<String> balances = new TreeSet<>();
		for (ValidCommit.Line line : valid.lines()) {
			String item = itemOrNull(request, line.lineNo());
			if (item != null) {
				balances.add(line.depotCode() + "|" + item);
			}
		}
		return balances.isEmpty() ? "request:" + request.id() : String.join(",", balances);
	}

	/**
	 * One batch of calls of one lane, in one transaction, answered after its commit: each call with its view or its
	 * own refusal; an error of the transaction itself (the database unreachable, say) answers every call of it.
	 */
	private Mono<Void> batch(List<Call> calls) {
		return this.transactions.transactional(Mono.defer(() -> decide(calls)))
			.flux()
			.collectList()
			.doOnNext(done -> {
				List<Outcome> outcomes = done.get(0);
				for (int i = 0; i < calls.size(); i++) {
					Outcome o = outcomes.get(i);
					SupplyException refusal = o.refusal();
					RequestView view = o.view();
					if (refusal != null) {
						calls.get(i).answer().tryEmitError(refusal);
					}
					else if (view != null) {
						calls.get(i).answer().tryEmitValue(view);
					}
				}
			})
			.onErrorResume(error -> {
				calls.forEach(c -> c.answer().tryEmitError(error));
				return Mono.empty();
			})
			.then();
	}

	/**
	 * Under the lock of every request of the batch (in id order) and then of every balance its calls draw on (in
	 * (depot, item) order), decides each call in turn against what the calls before it left: a retry, a refusal of
	 * its own, or commitments whose movements apply to the locked levels. Then writes all commitments in one
	 * statement, and the balances, events and ledger rows in a few more.
	 */
	private Mono<List<Outcome>> decide(List<Call> calls) {
		Instant now = now();
		List<UUID> requestIds = calls.stream().map(c -> c.request().id()).distinct().toList();
		Set<String> balanceKeys = new TreeSet<>();
		for (Call call : calls) {
			for (ValidCommit.Line line : call.valid().lines()) {
				String item = itemOrNull(call.request(), line.lineNo());
				if (item != null) {
					balanceKeys.add(line.depotCode() + "|" + item);
				}
			}
		}
		List<String> depotCodes = balanceKeys.stream().map(k -> k.substring(0, k.indexOf('|'))).toList();
		List<String> itemCodes = balanceKeys.stream().map(k -> k.substring(k.indexOf('|') + 1)).toList();
		// one statement after the other: they share the transaction's connection
		return this.store.lockRequests(requestIds)
			.collectList()
			.flatMap(lines -> this.store.committedBy(calls.stream().map(c -> c.request().id()).toList(),
					calls.stream().map(c -> c.valid().commitId()).toList()).collectList().map(done -> new Tally(lines, done)))
			.flatMap(tally -> this.ledger.lock(depotCodes, itemCodes).flatMap(locked -> {
				List<Outcome> outcomes = new ArrayList<>(calls.size());
				for (Call call : calls) {
					try {
						outcomes.add(new Outcome(one(call, tally, locked, now), null));
					}
					catch (SupplyException refusal) {
						outcomes.add(new Outcome(null, refusal));
					}
				}
				return this.store.insertReserved(tally.inserted, tally.insertedSources, tally.insertedKeys, now)
					.then(Mono.defer(() -> addToLines(tally.inserted)))
					.then(Mono.defer(() -> this.ledger.record(locked, tally.depots)))
					.thenReturn(outcomes);
			}));
	}

	/**
	 * One call of a batch, decided: its view, or a refusal that changed nothing. The view is the request with the
	 * need of every line after this call, and the commitments this call made (of a retry: those it made first).
	 */
	private RequestView one(Call call, Tally tally, LockedBalances locked, Instant now) {
		SupplyRequest request = call.request();
		ValidCommit valid = call.valid();
		List<Commitment> done = tally.committedWith(request.id(), valid.commitId());
		if (!done.isEmpty()) {
			sameCall(valid, tally.contentOf(request.id(), valid.commitId()));
			return new RequestView(request, tally.needs(request), List.copyOf(done));
		}
		Map<Integer, Long> wanted = new HashMap<>();
		valid.lines().forEach(l -> wanted.merge(l.lineNo(), l.quantity(), Long::sum));
		RemainingNeed.check(tally.needs(request), wanted);
		List<Commitment> commitments = new ArrayList<>();
		List<Movement> movements = new ArrayList<>();
		List<UUID> movementIds = new ArrayList<>();
		for (ValidCommit.Line line : valid.lines()) {
			String item = itemOf(request, line.lineNo());
			UUID id = SupplyIds.newId(this.clock);
			commitments.add(new Commitment(id, request.id(), line.lineNo(), line.depotCode(), item, line.quantity(),
					CommitmentStatus.RESERVED, null, null, null, call.committer().key(), now,
					valid.holdUntil() == null ? now.plus(this.defaultHold) : valid.holdUntil(), now, 0));
			movements.add(Movement.forCommitment(id, "reserve", line.depotCode(), item, MovementType.RESERVATION,
					line.quantity(), false, now));
			movementIds.add(SupplyIds.newId(this.clock));
		}
		// refuses this call alone (INSUFFICIENT_STOCK) and changes nothing if any of its lines lacks the stock
		locked.applyAll(movements, movementIds);
		for (int i = 0; i < commitments.size(); i++) {
			tally.add(commitments.get(i), valid.commitId(), "line#" + i);
		}
		RequestView view = new RequestView(request, tally.needs(request), List.copyOf(commitments));
		List<String> depotCities = valid.lines()
			.stream()
			.flatMap(l -> call.depots().get(l.depotCode()).visibleToCities().stream())
			.distinct()
			.toList();
		locked.alsoAppend(SupplyRequestEvents.committed(request, commitments, view.needs(), depotCities));
		tally.depots.putAll(call.depots());
		return view;
	}

	/** Adds new commitments to their lines' committed totals. */
	private Mono<Void> addToLines(List<Commitment> added) {
		return this.store.addToLines(added.stream().map(Commitment::requestId).toList(),
				added.stream().map(Commitment::lineNo).toList(), added.stream().map(Commitment::quantity).toList(),
				added.stream().map(c -> 0L).toList());
	}

	/**
	 * What a batch knows of its requests, read under their locks and kept as it adds commitments: each line's
	 * committed and delivered totals, and the commitments of its calls' commit ids.
	 */
	private static final class Tally {

		private final Map<String, long[]> totals = new HashMap<>();

		private final Map<String, List<Commitment>> bySource = new HashMap<>();

		private final Map<String, List<ReservationStore.Committed>> contentBySource = new HashMap<>();

		final List<Commitment> inserted = new ArrayList<>();

		final List<String> insertedSources = new ArrayList<>();

		final List<String> insertedKeys = new ArrayList<>();

		final Map<String, Depot> depots = new HashMap<>();

		Tally(List<ReservationStore.LineTotal> lines, List<ReservationStore.Sourced> existing) {
			for (ReservationStore.LineTotal t : lines) {
				this.totals.put(t.requestId() + "#" + t.lineNo(), new long[] { t.committed(), t.delivered() });
			}
			for (ReservationStore.Sourced s : existing) {
				Commitment c = s.commitment();
				String source = s.sourceMessage();
				if (source != null) {
					remember(c, source, c.resourceId());
				}
			}
		}

		private void remember(Commitment c, String source, @Nullable String resourceKey) {
			String key = c.requestId() + " " + source;
			this.bySource.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
			this.contentBySource.computeIfAbsent(key, k -> new ArrayList<>())
				.add(new ReservationStore.Committed(resourceKey, c.lineNo(), c.depotCode(), c.quantity(), c.holdUntil()));
		}

		List<LineNeed> needs(SupplyRequest request) {
			Map<Integer, long[]> own = new HashMap<>();
			for (RequestLine line : request.lines()) {
				long[] t = this.totals.get(request.id() + "#" + line.lineNo());
				if (t != null) {
					own.put(line.lineNo(), t);
				}
			}
			return RemainingNeed.ofTotals(request, own);
		}

		List<Commitment> committedWith(UUID requestId, String source) {
			return this.bySource.getOrDefault(requestId + " " + source, List.of());
		}

		List<ReservationStore.Committed> contentOf(UUID requestId, String source) {
			return this.contentBySource.getOrDefault(requestId + " " + source, List.of());
		}

		void add(Commitment c, String source, String resourceKey) {
			remember(c, source, resourceKey);
			this.totals.computeIfAbsent(c.requestId() + "#" + c.lineNo(), k -> new long[2])[0] += c.quantity();
			this.inserted.add(c);
			this.insertedSources.add(source);
			this.insertedKeys.add(resourceKey);
		}

	}

	/** A commitment call waiting in its lane: who, on which request, what, and where its answer goes. */
	private record Call(Actor committer, SupplyRequest request, ValidCommit valid, Map<String, Depot> depots,
			Sinks.One<RequestView> answer) {
	}

	/** A call's outcome in its batch: its view, or its refusal. */
	private record Outcome(@Nullable RequestView view, @Nullable SupplyException refusal) {
	}

	private Mono<RequestView> announce(SupplyRequest request, List<Commitment> commitments, List<String> depotCities) {
		return this.requests.view(request)
			.flatMap(view -> this.events
				.append(List.of(SupplyRequestEvents.committed(request, commitments, view.needs(), depotCities)))
				.thenReturn(view));
	}

	private static @Nullable String itemOrNull(SupplyRequest request, int lineNo) {
		return request.lines()
			.stream()
			.filter(l -> l.lineNo() == lineNo)
			.findFirst()
			.map(RequestLine::itemCode)
			.orElse(null);
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
