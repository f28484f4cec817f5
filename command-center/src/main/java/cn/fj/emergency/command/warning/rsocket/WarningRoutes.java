package cn.fj.emergency.command.warning.rsocket;

import org.jspecify.annotations.Nullable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.warning.ApprovingWarning;
import cn.fj.emergency.alerting.warning.RejectingWarning;
import cn.fj.emergency.alerting.warning.WarningView;
import cn.fj.emergency.command.error.Fields;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.stream.HubEvent;
import cn.fj.emergency.command.warning.Officers;
import cn.fj.emergency.command.warning.ReceivingWarnings;
import cn.fj.emergency.command.warning.WarningErrors;

/** RSocket routes of public warnings (docs/city-link.md, docs/warnings.md). */
@Controller
class WarningRoutes {

	private final ReceivingWarnings receiving;

	private final ApprovingWarning approving;

	private final RejectingWarning rejecting;

	WarningRoutes(ReceivingWarnings receiving, ApprovingWarning approving, RejectingWarning rejecting) {
		this.receiving = receiving;
		this.approving = approving;
		this.rejecting = rejecting;
	}

	@MessageMapping("warnings.stream")
	Flux<HubEvent> stream(WarningsStreamRequest request, HubPrincipal principal) {
		return this.receiving.stream(principal, request.after());
	}

	@MessageMapping("warnings.approve")
	Mono<WarningView> approve(ReviewRequest request, HubPrincipal principal) {
		return Mono.fromCallable(() -> Fields.required("identifier", request.identifier()))
			.flatMap(identifier -> this.approving.approve(Officers.of(principal), identifier, request.comment()))
			.onErrorMap(WarningErrors::translate);
	}

	@MessageMapping("warnings.reject")
	Mono<WarningView> reject(ReviewRequest request, HubPrincipal principal) {
		return Mono.fromCallable(() -> Fields.required("identifier", request.identifier()))
			.flatMap(identifier -> this.rejecting.reject(Officers.of(principal), identifier, request.comment()))
			.onErrorMap(WarningErrors::translate);
	}

	/** @param after resume after this sequence number (absent: from now on; 0: from the beginning) */
	record WarningsStreamRequest(@Nullable Long after) {
	}

	/** @param identifier the warning's; @param comment why (required to reject) */
	record ReviewRequest(@Nullable String identifier, @Nullable String comment) {
	}

}
