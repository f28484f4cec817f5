package cn.fj.emergency.resources.reservation;

import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import cn.fj.emergency.resources.Actor;
import cn.fj.emergency.resources.SupplyError;
import cn.fj.emergency.resources.SupplyException;
import cn.fj.emergency.resources.reservation.persistence.ReservationStore;

/** Reading a request as it stands. A city sees only its own requests: the others do not exist for it. */
@Component
public class Requests {

	private final ReservationStore store;

	public Requests(ReservationStore store) {
		this.store = store;
	}

	public Mono<RequestView> view(Actor reader, UUID id) {
		return this.store.request(id)
			.filter(request -> reader.cityCode() == null || reader.cityCode().equals(request.cityCode()))
			.switchIfEmpty(Mono.error(() -> new SupplyException(SupplyError.NOT_FOUND, "No supply request " + id)))
			.flatMap(this::view);
	}

	/** The request's view, read in the caller's transaction if there is one. */
	Mono<RequestView> view(SupplyRequest request) {
		return this.store.commitments(request.id())
			.collectList()
			.map(commitments -> new RequestView(request, RemainingNeed.of(request, commitments), commitments));
	}

	public Mono<Commitment> commitment(UUID id) {
		return this.store.commitment(id)
			.switchIfEmpty(Mono.error(() -> new SupplyException(SupplyError.NOT_FOUND, "No commitment " + id)));
	}

}
