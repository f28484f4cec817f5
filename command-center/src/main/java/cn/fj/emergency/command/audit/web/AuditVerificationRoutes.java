package cn.fj.emergency.command.audit.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.audit.Anchor;
import cn.fj.emergency.command.audit.VerifyingAuditTrail;
import cn.fj.emergency.command.audit.persistence.AnchorStore;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

/** {@code /api/admin/audit/verification} and {@code /api/admin/audit/anchors} (ADMIN, as all of /api/admin). */
@RestController
class AuditVerificationRoutes {

	private final VerifyingAuditTrail verifying;

	private final AnchorStore anchors;

	AuditVerificationRoutes(VerifyingAuditTrail verifying, AnchorStore anchors) {
		this.verifying = verifying;
		this.anchors = anchors;
	}

	@GetMapping("/api/admin/audit/verification")
	Mono<VerifyingAuditTrail.Verification> verify() {
		return this.verifying.verify();
	}

	/** The anchors after {@code after} (a sequence number of the trail), oldest first, at most {@code limit}. */
	@GetMapping("/api/admin/audit/anchors")
	Flux<Anchor> anchors(@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
		if (after < 0) {
			return Flux.error(HubException.field(ErrorCode.INVALID_FIELD, "after", "after must not be negative"));
		}
		if (limit < 1 || limit > 1000) {
			return Flux.error(HubException.field(ErrorCode.INVALID_FIELD, "limit", "limit must be 1 to 1000"));
		}
		return this.anchors.read(after, limit);
	}

}
