package cn.fj.emergency.command.exchange.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.exchange.EidoImport;
import cn.fj.emergency.command.exchange.EidoOverrides;
import cn.fj.emergency.command.exchange.ExportingEido;
import cn.fj.emergency.command.exchange.ImportingEido;
import cn.fj.emergency.command.security.HubPrincipal;

/** HTTP routes of the EIDO exchange (docs/eido.md, docs/http-api.md). */
@RestController
class EidoHttpRoutes {

	private final ImportingEido importing;

	private final ExportingEido exporting;

	EidoHttpRoutes(ImportingEido importing, ExportingEido exporting) {
		this.importing = importing;
		this.exporting = exporting;
	}

	/** The body is the EIDO itself; what the EIDO lacks or should not decide comes as query parameters. */
	@PostMapping("/api/incidents/eido")
	Mono<EidoImport> importEido(HubPrincipal principal, @RequestBody JsonNode eido,
			@RequestParam(required = false) @Nullable String countyCode,
			@RequestParam(required = false) @Nullable Double latitude,
			@RequestParam(required = false) @Nullable Double longitude,
			@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable String level,
			@RequestParam(required = false) @Nullable Boolean exercise) {
		return this.importing.importEido(principal, eido,
				new EidoOverrides(countyCode, latitude, longitude, category, level, exercise));
	}

	@GetMapping("/api/incidents/{id}/eido")
	Mono<JsonNode> export(HubPrincipal principal, @PathVariable UUID id) {
		return this.exporting.export(principal, id);
	}

}
