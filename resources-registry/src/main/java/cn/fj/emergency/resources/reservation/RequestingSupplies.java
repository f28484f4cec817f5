package cn.fj.emergency.resources.reservation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.resources.Actor;
import cn.fj.emergency.resources.SupplyError;
import cn.fj.emergency.resources.SupplyEvents;
import cn.fj.emergency.resources.SupplyException;
import cn.fj.emergency.resources.SupplyIds;
import cn.fj.emergency.resources.depot.Depots;
import cn.fj.emergency.resources.reservation.persistence.ReservationStore;

/**
 * A city requests quantities of supplies for an incident (EDXL-RM RequestResource): stored once however often it
 * is sent, and visible live as {@code supply.requested}. Catalogue items must exist; outside resource types are kept
 * as typed.
 */
@Component
public class RequestingSupplies {

	private final ReservationStore store;

	private final Requests requests;

	private final Depots depots;

	private final SupplyEvents events;

	private final TransactionalOperator transactions;

	private final Clock clock;

	public RequestingSupplies(ReservationStore store, Requests requests, Depots depots, SupplyEvents events,
			TransactionalOperator transactions, Clock clock) {
		this.store = store;
		this.requests = requests;
		this.depots = depots;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Mono<RequestView> request(Actor requester, RequestForm form) {
		return Mono.fromCallable(() -> RequestPolicy.check(form, requester, this.clock.instant()))
			.flatMap(valid -> itemsExist(valid).then(this.transactions.transactional(store(valid))));
	}

	private Mono<Void> itemsExist(ValidRequest valid) {
		return Flux.fromIterable(valid.lines())
			.filter(line -> line.itemCode() != null)
			.concatMap(line -> this.depots.item(String.valueOf(line.itemCode())))
			.then();
	}

	private Mono<RequestView> store(ValidRequest valid) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		UUID id = SupplyIds.newId(this.clock);
		return this.store.insertNew(id, valid, now)
			.flatMap(inserted -> inserted ? announce(id) : answerStored(valid));
	}

	private Mono<RequestView> announce(UUID id) {
		return this.store.request(id)
			.flatMap(this.requests::view)
			.flatMap(view -> this.events.append(List.of(SupplyRequestEvents.requested(view)))
				.flatMap(seqs -> this.store.setSeq(id, seqs.get(0)))
				.thenReturn(view));
	}

	private Mono<RequestView> answerStored(ValidRequest valid) {
		return this.store.findSent(valid.requester(), valid.messageId()).flatMap(sent -> {
			if (!sent.payloadHash().equals(valid.payloadHash())) {
				return Mono.error(new SupplyException(SupplyError.REQUEST_ID_REUSED, "requestId",
						"Request id " + valid.messageId() + " was already used for a different request"));
			}
			return this.store.request(sent.id()).flatMap(this.requests::view);
		});
	}

}
