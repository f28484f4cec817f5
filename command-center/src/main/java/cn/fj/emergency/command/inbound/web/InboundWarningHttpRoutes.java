package cn.fj.emergency.command.inbound.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.cap.xml.CapNamespaces;
import cn.fj.emergency.alerting.feed.DraftingFromInbound;
import cn.fj.emergency.alerting.feed.FindingInboundWarnings;
import cn.fj.emergency.alerting.feed.InboundReceipt;
import cn.fj.emergency.alerting.feed.InboundWarning;
import cn.fj.emergency.alerting.feed.ReceivingInboundWarnings;
import cn.fj.emergency.alerting.warning.WarningView;
import cn.fj.emergency.command.inbound.InboundErrors;
import cn.fj.emergency.command.inbound.InboundProperties;
import cn.fj.emergency.command.inbound.RaisingIncidentFromInbound;
import cn.fj.emergency.command.incident.ReportReceipt;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.warning.Officers;

/** HTTP endpoints of inbound warnings (docs/inbound-warnings.md, docs/http-api.md). */
@RestController
@RequestMapping("/api/inbound-warnings")
class InboundWarningHttpRoutes {

	private static final MediaType CAP = MediaType.parseMediaType(CapNamespaces.MEDIA_TYPE);

	private final ReceivingInboundWarnings receiving;

	private final FindingInboundWarnings finding;

	private final DraftingFromInbound drafting;

	private final RaisingIncidentFromInbound raising;

	private final InboundProperties departments;

	InboundWarningHttpRoutes(ReceivingInboundWarnings receiving, FindingInboundWarnings finding,
			DraftingFromInbound drafting, RaisingIncidentFromInbound raising, InboundProperties departments) {
		this.departments = departments;
		this.receiving = receiving;
		this.finding = finding;
		this.drafting = drafting;
		this.raising = raising;
	}

	/** A public warning draft (201, the warning as {@code GET /api/warnings/{id}} answers it). */
	@PostMapping("/{id}/draft")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<WarningView> draft(HubPrincipal principal, @PathVariable long id) {
		return edge(this.drafting.draft(Officers.of(principal), id));
	}

	/** An incident (201, the report receipt); the body supplies category, level, county and position. */
	@PostMapping("/{id}/incident")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<ReportReceipt> incident(HubPrincipal principal, @PathVariable long id,
			@RequestBody RaisingIncidentFromInbound.Details details) {
		return edge(this.raising.raise(principal, id, details));
	}

	/**
	 * 201 when any alert of the document is new, 200 when every one was a repeat; 403 INBOUND_SENDER_MISMATCH when an
	 * alert's sender is not one of the department's (its token's subject, or the senders configured for it).
	 */
	@PostMapping(consumes = CapNamespaces.MEDIA_TYPE)
	Mono<ResponseEntity<Received>> push(HubPrincipal principal, @RequestBody byte[] capXml) {
		return edge(this.receiving.receivePushed(capXml, principal.subject(), this.departments.senders(principal.subject()))
			.map(InboundWarningHttpRoutes::answer));
	}

	@GetMapping
	Mono<List<InboundWarning>> list(@RequestParam(required = false) @Nullable Integer limit) {
		return edge(this.finding.list(limit == null ? 100 : limit));
	}

	@GetMapping("/{id}")
	Mono<InboundWarning> find(@PathVariable long id) {
		return edge(this.finding.find(id));
	}

	/** The document exactly as received. */
	@GetMapping("/{id}/cap")
	Mono<ResponseEntity<byte[]>> cap(@PathVariable long id) {
		return edge(this.finding.original(id).map(bytes -> ResponseEntity.ok().contentType(CAP).body(bytes)));
	}

	private static ResponseEntity<Received> answer(List<InboundReceipt> receipts) {
		boolean anyNew = receipts.stream().anyMatch(r -> !r.repeat());
		return ResponseEntity.status(anyNew ? HttpStatus.CREATED : HttpStatus.OK).body(new Received(receipts));
	}

	static <T> Mono<T> edge(Mono<T> result) {
		return result.onErrorMap(InboundErrors::translate);
	}

	/** @param alerts each alert of the document as stored (a repeat: as stored the first time) */
	record Received(List<InboundReceipt> alerts) {
	}

}
