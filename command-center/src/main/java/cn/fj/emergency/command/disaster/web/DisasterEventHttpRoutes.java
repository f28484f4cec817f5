package cn.fj.emergency.command.disaster.web;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.disaster.DisasterEvent;
import cn.fj.emergency.command.disaster.DisasterResponse;
import cn.fj.emergency.command.disaster.EventMember;
import cn.fj.emergency.command.disaster.EventRequest;
import cn.fj.emergency.command.disaster.ManagingDisasterEvents;
import cn.fj.emergency.command.disaster.MemberRequest;
import cn.fj.emergency.command.disaster.ResponseRequest;
import cn.fj.emergency.command.disaster.RunningResponses;
import cn.fj.emergency.command.disaster.Views;
import cn.fj.emergency.command.security.HubPrincipal;

/**
 * HTTP routes of disaster events ({@code /api/disaster-events}, not to be confused with the event log's
 * {@code events.stream}) and of the active responses ({@code /api/disaster-responses}); docs/disaster-events.md.
 */
@RestController
class DisasterEventHttpRoutes {

	private final ManagingDisasterEvents events;

	private final RunningResponses responses;

	DisasterEventHttpRoutes(ManagingDisasterEvents events, RunningResponses responses) {
		this.events = events;
		this.responses = responses;
	}

	@PostMapping("/api/disaster-events")
	Mono<DisasterEvent> open(HubPrincipal principal, @RequestBody EventRequest request) {
		return this.events.open(principal, request);
	}

	@GetMapping("/api/disaster-events")
	Mono<Views.EventPage> list(HubPrincipal principal, @RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable Boolean exercise, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return this.events.list(principal, state, exercise, page, size);
	}

	@GetMapping("/api/disaster-events/{id}")
	Mono<Views.EventView> event(HubPrincipal principal, @PathVariable UUID id) {
		return this.events.page(principal, id);
	}

	@GetMapping("/api/disaster-events/{id}/timeline")
	Mono<Views.Timeline> timeline(HubPrincipal principal, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		return this.events.timeline(principal, id, page, size);
	}

	@PostMapping("/api/disaster-events/{id}/close")
	Mono<DisasterEvent> close(HubPrincipal principal, @PathVariable UUID id, @RequestBody ReasonBody body) {
		return this.events.close(principal, id, body.reason());
	}

	@PostMapping("/api/disaster-events/{id}/members")
	Mono<EventMember> add(HubPrincipal principal, @PathVariable UUID id, @RequestBody MemberRequest request) {
		return this.events.add(principal, id, request);
	}

	@PostMapping("/api/disaster-events/{id}/members/remove")
	Mono<EventMember> remove(HubPrincipal principal, @PathVariable UUID id, @RequestBody MemberRequest request) {
		return this.events.remove(principal, id, request);
	}

	@PostMapping("/api/disaster-events/{id}/response/activate")
	Mono<DisasterResponse> activate(HubPrincipal principal, @PathVariable UUID id, @RequestBody ResponseRequest request) {
		return this.responses.activate(principal, id, request);
	}

	@PostMapping("/api/disaster-events/{id}/response/raise")
	Mono<DisasterResponse> raise(HubPrincipal principal, @PathVariable UUID id, @RequestBody ResponseRequest request) {
		return this.responses.raise(principal, id, request);
	}

	@PostMapping("/api/disaster-events/{id}/response/lower")
	Mono<DisasterResponse> lower(HubPrincipal principal, @PathVariable UUID id, @RequestBody ResponseRequest request) {
		return this.responses.lower(principal, id, request);
	}

	@PostMapping("/api/disaster-events/{id}/response/end")
	Mono<DisasterResponse> end(HubPrincipal principal, @PathVariable UUID id, @RequestBody ResponseRequest request) {
		return this.responses.end(principal, id, request);
	}

	@GetMapping("/api/disaster-responses")
	Mono<ActiveResponses> active(HubPrincipal principal) {
		return this.responses.active(principal).collectList().map(ActiveResponses::new);
	}

	record ReasonBody(@Nullable String reason) {
	}

	record ActiveResponses(List<Views.ActiveResponse> responses) {
	}

}
