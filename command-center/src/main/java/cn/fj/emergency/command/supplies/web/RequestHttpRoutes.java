package cn.fj.emergency.command.supplies.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.supplies.Actors;
import cn.fj.emergency.command.supplies.SupplyErrors;
import cn.fj.emergency.resources.reservation.ChangingCommitment;
import cn.fj.emergency.resources.reservation.CommitForm;
import cn.fj.emergency.resources.reservation.Commitment;
import cn.fj.emergency.resources.reservation.CommittingSupplies;
import cn.fj.emergency.resources.reservation.RequestForm;
import cn.fj.emergency.resources.reservation.RequestPage;
import cn.fj.emergency.resources.reservation.RequestQuery;
import cn.fj.emergency.resources.reservation.RequestView;
import cn.fj.emergency.resources.reservation.Requests;
import cn.fj.emergency.resources.reservation.RequestingSupplies;

/** HTTP routes of supply requests and commitments (docs/supplies.md). */
@RestController
@RequestMapping("/api/supplies")
class RequestHttpRoutes {

	private final RequestingSupplies requesting;

	private final CommittingSupplies committing;

	private final ChangingCommitment changing;

	private final Requests requests;

	RequestHttpRoutes(RequestingSupplies requesting, CommittingSupplies committing, ChangingCommitment changing,
			Requests requests) {
		this.requesting = requesting;
		this.committing = committing;
		this.changing = changing;
		this.requests = requests;
	}

	@PostMapping("/requests")
	Mono<RequestView> request(HubPrincipal principal, @RequestBody RequestForm form) {
		return Mono.fromRunnable(() -> knownCity(principal, form))
			.then(this.requesting.request(Actors.of(principal), form))
			.onErrorMap(SupplyErrors::translate);
	}

	/**
	 * Requests newest first, one page at a time, by the hub incident they name and by city. A city-scoped caller
	 * lists its own city's; naming another city is {@code CITY_SCOPE_VIOLATION}, as for the other lists.
	 */
	@GetMapping("/requests")
	Mono<RequestPage> list(HubPrincipal principal, @RequestParam(required = false) @Nullable String incident,
			@RequestParam(required = false) @Nullable String city, @RequestParam(required = false) @Nullable String before,
			@RequestParam(required = false) @Nullable String size) {
		return Mono.fromCallable(() -> RequestQuery.parse(incident, city(principal, city), before, size))
			.flatMap(query -> this.requests.page(Actors.of(principal), query))
			.onErrorMap(SupplyErrors::translate);
	}

	@GetMapping("/requests/{id}")
	Mono<RequestView> view(HubPrincipal principal, @PathVariable UUID id) {
		return this.requests.view(Actors.of(principal), id).onErrorMap(SupplyErrors::translate);
	}

	@PostMapping("/requests/{id}/commitments")
	Mono<RequestView> commit(HubPrincipal principal, @PathVariable UUID id, @RequestBody CommitForm form) {
		return this.committing.commit(Actors.of(principal), id, form).onErrorMap(SupplyErrors::translate);
	}

	@GetMapping("/commitments/{id}")
	Mono<Commitment> commitment(HubPrincipal principal, @PathVariable UUID id) {
		return this.requests.commitment(id)
			.flatMap(c -> this.requests.view(Actors.of(principal), c.requestId()).thenReturn(c))
			.onErrorMap(SupplyErrors::translate);
	}

	@PostMapping("/commitments/{id}/requisition")
	Mono<Commitment> requisition(@PathVariable UUID id) {
		return this.changing.requisition(id).onErrorMap(SupplyErrors::translate);
	}

	@PostMapping("/commitments/{id}/ship")
	Mono<Commitment> ship(@PathVariable UUID id) {
		return this.changing.ship(id).onErrorMap(SupplyErrors::translate);
	}

	@PostMapping("/commitments/{id}/deliver")
	Mono<Commitment> deliver(@PathVariable UUID id) {
		return this.changing.deliver(id).onErrorMap(SupplyErrors::translate);
	}

	@PostMapping("/commitments/{id}/release")
	Mono<Commitment> release(@PathVariable UUID id) {
		return this.changing.release(id).onErrorMap(SupplyErrors::translate);
	}

	@PostMapping("/commitments/{id}/return")
	Mono<Commitment> returnStock(@PathVariable UUID id, @RequestBody Returned body) {
		return this.changing.returnStock(id, body.quantity()).onErrorMap(SupplyErrors::translate);
	}

	private static void knownCity(HubPrincipal principal, RequestForm form) {
		String city = form.cityCode();
		if (principal.provinceWide() && city != null && !Areas.isCity(city)) {
			throw HubException.field(ErrorCode.UNKNOWN_AREA, "cityCode", "Unknown city platform code '" + city + "'");
		}
	}

	/** The city a list is for: a city-scoped caller's own (another refused), else as given, a platform code. */
	private static @Nullable String city(HubPrincipal principal, @Nullable String requested) {
		String wanted = requested == null || requested.isBlank() ? null : requested;
		String own = principal.cityCode();
		if (own != null) {
			if (wanted != null && !wanted.equals(own)) {
				throw new HubException(ErrorCode.CITY_SCOPE_VIOLATION,
						"A principal of city " + own + " sees only its own city's supply requests");
			}
			return own;
		}
		if (wanted != null && !Areas.isCity(wanted)) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "city", wanted + " is not a city platform code");
		}
		return wanted;
	}

	/** How much of a delivered commitment came back. */
	record Returned(long quantity) {
	}

}
