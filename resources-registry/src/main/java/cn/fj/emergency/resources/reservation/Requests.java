package cn.fj.emergency.resources.reservation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

	/**
	 * One page of the requests the query selects, newest first, each with its need and commitments. A city reads
	 * only its own requests: asking for another city's answers an empty page.
	 */
	public Mono<RequestPage> page(Actor reader, RequestQuery query) {
		String own = reader.cityCode();
		if (own != null && query.cityCode() != null && !own.equals(query.cityCode())) {
			return Mono.just(new RequestPage(List.of(), null));
		}
		String city = own != null ? own : query.cityCode();
		return this.store.requests(query.incidentId(), city, query.before(), query.size() + 1)
			.collectList()
			.flatMap(rows -> {
				List<SupplyRequest> items = rows.size() > query.size() ? rows.subList(0, query.size()) : rows;
				UUID next = rows.size() > query.size() ? items.get(items.size() - 1).id() : null;
				if (items.isEmpty()) {
					return Mono.just(new RequestPage(List.of(), next));
				}
				return this.store.commitmentsOf(items.stream().map(SupplyRequest::id).toList())
					.collectList()
					.map(commitments -> new RequestPage(views(items, commitments), next));
			});
	}

	private static List<RequestView> views(List<SupplyRequest> requests, List<Commitment> commitments) {
		Map<UUID, List<Commitment>> byRequest = new HashMap<>();
		for (Commitment c : commitments) {
			byRequest.computeIfAbsent(c.requestId(), id -> new ArrayList<>()).add(c);
		}
		List<RequestView> views = new ArrayList<>();
		for (SupplyRequest request : requests) {
			List<Commitment> own = byRequest.getOrDefault(request.id(), List.of());
			views.add(new RequestView(request, RemainingNeed.of(request, own), own));
		}
		return views;
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
