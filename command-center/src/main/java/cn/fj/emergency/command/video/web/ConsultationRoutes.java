package cn.fj.emergency.command.video.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.video.ConsultationSession;
import cn.fj.emergency.command.video.HoldingConsultation;

/** Video consultation sessions for officers over HTTP (docs/http-api.md#consultation-sessions). */
@RestController
@RequestMapping("/api/video/consultations")
class ConsultationRoutes {

	private final HoldingConsultation consultations;

	ConsultationRoutes(HoldingConsultation consultations) {
		this.consultations = consultations;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<ConsultationSession.View> open(HubPrincipal principal, @RequestBody ConsultationSession.Opening opening) {
		return this.consultations.open(principal, opening);
	}

	/** An incident's sessions; without {@code incidentId}, every session open now that the caller may see. */
	@GetMapping
	Flux<ConsultationSession.View> sessions(HubPrincipal principal, @RequestParam(required = false) @Nullable UUID incidentId) {
		return incidentId == null ? this.consultations.open(principal) : this.consultations.forIncident(incidentId);
	}

	@GetMapping("/{id}")
	Mono<ConsultationSession.View> session(HubPrincipal principal, @PathVariable UUID id) {
		return this.consultations.view(principal, id);
	}

	@PostMapping("/{id}/invitations")
	Mono<ConsultationSession.View> invite(HubPrincipal principal, @PathVariable UUID id,
			@RequestBody ConsultationSession.Invitation invitation) {
		return this.consultations.invite(principal, id, invitation);
	}

	@PostMapping("/{id}/join")
	Mono<ConsultationSession.View> join(HubPrincipal principal, @PathVariable UUID id) {
		return this.consultations.join(principal, id);
	}

	@PostMapping("/{id}/leave")
	Mono<ConsultationSession.View> leave(HubPrincipal principal, @PathVariable UUID id) {
		return this.consultations.leave(principal, id);
	}

	@PostMapping("/{id}/close")
	Mono<ConsultationSession.View> close(HubPrincipal principal, @PathVariable UUID id) {
		return this.consultations.close(principal, id);
	}

}
