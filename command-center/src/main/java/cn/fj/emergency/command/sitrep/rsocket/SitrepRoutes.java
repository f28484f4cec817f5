package cn.fj.emergency.command.sitrep.rsocket;

import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.sitrep.SitrepReceipt;
import cn.fj.emergency.command.sitrep.SitrepSubmission;
import cn.fj.emergency.command.sitrep.SubmittingSitrep;

/** City-link route of situation reports (docs/city-link.md, docs/sitreps.md). */
@Controller
class SitrepRoutes {

	private final SubmittingSitrep submitting;

	SitrepRoutes(SubmittingSitrep submitting) {
		this.submitting = submitting;
	}

	@MessageMapping("sitreps.submit")
	Mono<SitrepReceipt> submit(SitrepSubmission submission, HubPrincipal principal) {
		return this.submitting.submit(principal, submission);
	}

}
