package cn.fj.emergency.command.uplink.web;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.uplink.CheckingUpstream;
import cn.fj.emergency.command.uplink.Forward;

/** What the national platform has acknowledged (docs/http-api.md#national-uplink). */
@RestController
class UpstreamRoutes {

	private final CheckingUpstream checking;

	UpstreamRoutes(CheckingUpstream checking) {
		this.checking = checking;
	}

	@GetMapping("/api/incidents/{id}/upstream")
	Mono<CheckingUpstream.IncidentUpstream> ofIncident(HubPrincipal principal, @PathVariable UUID id) {
		return this.checking.ofIncident(principal, id);
	}

	@GetMapping("/api/upstream")
	Mono<List<Forward>> list(HubPrincipal principal, @RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable Long after, @RequestParam(required = false) @Nullable Integer limit) {
		return this.checking.list(principal, state, after, limit);
	}

}
