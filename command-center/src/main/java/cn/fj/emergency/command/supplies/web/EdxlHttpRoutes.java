package cn.fj.emergency.command.supplies.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
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
import cn.fj.emergency.resources.reservation.RequestView;
import cn.fj.emergency.resources.reservation.edxl.ImportingEdxl;

/** EDXL-RM 1.0 import and export of requests and commitments (docs/supplies.md). */
@RestController
@RequestMapping("/api/supplies")
class EdxlHttpRoutes {

	private final ImportingEdxl edxl;

	EdxlHttpRoutes(ImportingEdxl edxl) {
		this.edxl = edxl;
	}

	@PostMapping(path = "/edxl-rm/requests", consumes = { MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE })
	Mono<RequestView> importRequest(HubPrincipal principal, @RequestBody byte[] xml,
			@RequestParam(required = false) @Nullable String cityCode) {
		return Mono.fromRunnable(() -> knownCity(principal, cityCode))
			.then(this.edxl.importRequest(Actors.of(principal), xml, cityCode))
			.onErrorMap(SupplyErrors::translate);
	}

	@PostMapping(path = "/edxl-rm/commitments", consumes = { MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE })
	Mono<RequestView> importCommit(HubPrincipal principal, @RequestBody byte[] xml) {
		return this.edxl.importCommit(Actors.of(principal), xml).onErrorMap(SupplyErrors::translate);
	}

	@GetMapping(path = "/requests/{id}/edxl-rm", produces = MediaType.APPLICATION_XML_VALUE)
	Mono<String> exportRequest(HubPrincipal principal, @PathVariable UUID id) {
		return this.edxl.exportRequest(Actors.of(principal), id).onErrorMap(SupplyErrors::translate);
	}

	@GetMapping(path = "/requests/{id}/commitments/edxl-rm", produces = MediaType.APPLICATION_XML_VALUE)
	Mono<String> exportCommitments(HubPrincipal principal, @PathVariable UUID id) {
		return this.edxl.exportCommitments(Actors.of(principal), id).onErrorMap(SupplyErrors::translate);
	}

	private static void knownCity(HubPrincipal principal, @Nullable String city) {
		if (principal.provinceWide() && city != null && !Areas.isCity(city)) {
			throw HubException.field(ErrorCode.UNKNOWN_AREA, "cityCode", "Unknown city platform code '" + city + "'");
		}
	}

}
