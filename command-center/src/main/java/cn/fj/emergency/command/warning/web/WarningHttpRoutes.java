package cn.fj.emergency.command.warning.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.cap.xml.CapNamespaces;
import cn.fj.emergency.alerting.channel.WarningReach;
import cn.fj.emergency.alerting.channel.delivery.PreviewingReach;
import cn.fj.emergency.alerting.warning.ApprovingWarning;
import cn.fj.emergency.alerting.warning.CancellingWarning;
import cn.fj.emergency.alerting.warning.ComposingWarning;
import cn.fj.emergency.alerting.warning.FindingWarnings;
import cn.fj.emergency.alerting.warning.PublishingWarning;
import cn.fj.emergency.alerting.warning.RejectingWarning;
import cn.fj.emergency.alerting.warning.SubmittingWarning;
import cn.fj.emergency.alerting.warning.UpdatingWarning;
import cn.fj.emergency.alerting.warning.WarningContent;
import cn.fj.emergency.alerting.warning.WarningView;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.warning.Officers;
import cn.fj.emergency.command.warning.WarningErrors;

/** HTTP endpoints of public warnings (docs/warnings.md, docs/http-api.md). */
@RestController
@RequestMapping("/api/warnings")
class WarningHttpRoutes {

	private static final MediaType CAP = MediaType.parseMediaType(CapNamespaces.MEDIA_TYPE);

	private final ComposingWarning composing;

	private final SubmittingWarning submitting;

	private final ApprovingWarning approving;

	private final RejectingWarning rejecting;

	private final PublishingWarning publishing;

	private final UpdatingWarning updating;

	private final CancellingWarning cancelling;

	private final FindingWarnings finding;

	private final java.time.Clock clock;

	private final PreviewingReach reach;

	WarningHttpRoutes(ComposingWarning composing, SubmittingWarning submitting, ApprovingWarning approving,
			RejectingWarning rejecting, PublishingWarning publishing, UpdatingWarning updating,
			CancellingWarning cancelling, FindingWarnings finding, java.time.Clock clock, PreviewingReach reach) {
		this.clock = clock;
		this.reach = reach;
		this.composing = composing;
		this.submitting = submitting;
		this.approving = approving;
		this.rejecting = rejecting;
		this.publishing = publishing;
		this.updating = updating;
		this.cancelling = cancelling;
		this.finding = finding;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Mono<WarningView> compose(HubPrincipal principal, @RequestBody WarningContent content) {
		return edge(this.composing.compose(Officers.of(principal), content));
	}

	@PostMapping(consumes = CapNamespaces.MEDIA_TYPE)
	@ResponseStatus(HttpStatus.CREATED)
	Mono<WarningView> composeCap(HubPrincipal principal, @RequestBody byte[] capXml) {
		return edge(this.composing.composeCap(Officers.of(principal), capXml));
	}

	@PutMapping("/{id}")
	Mono<WarningView> revise(HubPrincipal principal, @PathVariable String id, @RequestBody WarningContent content) {
		return edge(this.composing.revise(Officers.of(principal), id, content));
	}

	@PostMapping("/{id}/submit")
	Mono<WarningView> submit(HubPrincipal principal, @PathVariable String id) {
		return edge(this.submitting.submit(Officers.of(principal), id));
	}

	@PostMapping("/{id}/approve")
	Mono<WarningView> approve(HubPrincipal principal, @PathVariable String id,
			@RequestBody(required = false) @Nullable ReviewBody body) {
		return edge(this.approving.approve(Officers.of(principal), id, body == null ? null : body.comment()));
	}

	@PostMapping("/{id}/reject")
	Mono<WarningView> reject(HubPrincipal principal, @PathVariable String id,
			@RequestBody(required = false) @Nullable ReviewBody body) {
		return edge(this.rejecting.reject(Officers.of(principal), id, body == null ? null : body.comment()));
	}

	@PostMapping("/{id}/publish")
	Mono<WarningView> publish(HubPrincipal principal, @PathVariable String id) {
		return edge(this.publishing.publish(Officers.of(principal), id));
	}

	@PostMapping("/{id}/update")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<WarningView> update(HubPrincipal principal, @PathVariable String id, @RequestBody WarningContent content) {
		return edge(this.updating.update(Officers.of(principal), id, content));
	}

	@PostMapping("/{id}/cancel")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<WarningView> cancel(HubPrincipal principal, @PathVariable String id) {
		return edge(this.cancelling.cancel(Officers.of(principal), id));
	}

	@GetMapping
	Mono<List<WarningView>> list(@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable Boolean inForce) {
		return edge(Boolean.TRUE.equals(inForce) ? this.finding.inForce(this.clock.instant()) : this.finding.list(state, page, size));
	}

	@GetMapping("/{id}")
	Mono<WarningView> find(@PathVariable String id) {
		return edge(this.finding.find(id));
	}

	/** The CAP document, as published once the warning is. */
	@GetMapping("/{id}/cap")
	Mono<ResponseEntity<byte[]>> cap(@PathVariable String id) {
		return edge(this.finding.capXml(id)
			.map(xml -> ResponseEntity.ok().contentType(CAP).body(xml.getBytes(StandardCharsets.UTF_8))));
	}

	/**
	 * Whom the warning would reach if published now: subscriptions per channel with a receiver estimate, and the
	 * counties no subscription covers (docs/channels.md, "Reach preview").
	 */
	@GetMapping("/{id}/reach")
	Mono<WarningReach> reach(@PathVariable String id) {
		return edge(this.finding.find(id)
			.flatMap(v -> this.reach.reach(v.identifier(), v.status(), v.msgType(), v.cityCodes(), v.countyCodes())));
	}

	private static <T> Mono<T> edge(Mono<T> result) {
		return result.onErrorMap(WarningErrors::translate);
	}

	/** @param comment why (required to reject) */
	record ReviewBody(@Nullable String comment) {
	}

}
