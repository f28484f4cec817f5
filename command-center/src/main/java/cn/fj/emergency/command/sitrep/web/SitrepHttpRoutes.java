package cn.fj.emergency.command.sitrep.web;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.sitrep.ProvinceRollup;
import cn.fj.emergency.command.sitrep.RollingUpSitreps;
import cn.fj.emergency.command.sitrep.Sitrep;
import cn.fj.emergency.command.sitrep.SitrepReceipt;
import cn.fj.emergency.command.sitrep.SitrepRollup;
import cn.fj.emergency.command.sitrep.SitrepSubmission;
import cn.fj.emergency.command.sitrep.SubmittingSitrep;

/** HTTP routes of situation reports (docs/http-api.md, docs/sitreps.md). */
@RestController
class SitrepHttpRoutes {

	private final SubmittingSitrep submitting;

	private final RollingUpSitreps rollups;

	SitrepHttpRoutes(SubmittingSitrep submitting, RollingUpSitreps rollups) {
		this.submitting = submitting;
		this.rollups = rollups;
	}

	/** The path names the incident; an {@code incidentId} in the body is ignored. */
	@PostMapping("/api/incidents/{id}/sitreps")
	Mono<SitrepReceipt> submit(HubPrincipal principal, @PathVariable UUID id, @RequestBody SitrepSubmission submission) {
		return this.submitting.submit(principal, submission.about(id));
	}

	@GetMapping("/api/incidents/{id}/sitreps")
	Flux<Sitrep> list(HubPrincipal principal, @PathVariable UUID id) {
		return this.rollups.list(principal, id);
	}

	@GetMapping("/api/incidents/{id}/sitreps/rollup")
	Mono<SitrepRollup> rollup(HubPrincipal principal, @PathVariable UUID id) {
		return this.rollups.incident(principal, id);
	}

	@GetMapping("/api/sitreps/rollup")
	Mono<ProvinceRollup> province(HubPrincipal principal, @RequestParam(defaultValue = "false") boolean exercise) {
		return this.rollups.province(principal, exercise);
	}

}
