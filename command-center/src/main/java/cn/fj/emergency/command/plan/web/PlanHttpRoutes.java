package cn.fj.emergency.command.plan.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.plan.LevelSuggestion;
import cn.fj.emergency.command.plan.ManagingPlans;
import cn.fj.emergency.command.plan.Plan;
import cn.fj.emergency.command.plan.PlanFile;
import cn.fj.emergency.command.plan.PlanSummary;
import cn.fj.emergency.command.plan.PlanVersion;
import cn.fj.emergency.command.plan.PlannedAction;
import cn.fj.emergency.command.plan.ReadingPlans;
import cn.fj.emergency.command.plan.ResponseLevel;
import cn.fj.emergency.command.security.HubPrincipal;

/** HTTP routes of plans (docs/plans.md#api, docs/http-api.md). */
@RestController
@RequestMapping("/api/plans")
class PlanHttpRoutes {

	private static final MediaType JSON_UTF8 = new MediaType("application", "json", StandardCharsets.UTF_8);

	private final ManagingPlans managing;

	private final ReadingPlans reading;

	PlanHttpRoutes(ManagingPlans managing, ReadingPlans reading) {
		this.managing = managing;
		this.reading = reading;
	}

	@GetMapping
	Flux<PlanSummary> list() {
		return this.reading.list();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<PlanVersion> importPlan(HubPrincipal principal, @RequestBody byte[] file,
			@RequestParam(required = false) @Nullable String note) {
		return this.managing.importPlan(principal, file, note);
	}

	/** Checks a file without storing it; answers it in canonical form (as a version of it would be stored). */
	@PostMapping("/validate")
	Mono<ResponseEntity<String>> validate(@RequestBody byte[] file) {
		return Mono.fromCallable(() -> {
			Plan plan = ManagingPlans.check(file);
			return ResponseEntity.ok().contentType(JSON_UTF8).body(PlanFile.write(plan));
		});
	}

	@PostMapping("/shipped")
	Flux<PlanVersion> importShipped(HubPrincipal principal) {
		return this.managing.importShipped(principal);
	}

	@GetMapping("/{id}")
	Mono<PlanSummary> plan(@PathVariable String id) {
		return this.reading.plan(id);
	}

	@PostMapping("/{id}/versions")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<PlanVersion> addVersion(HubPrincipal principal, @PathVariable String id, @RequestBody byte[] file,
			@RequestParam(required = false) @Nullable String note) {
		return this.managing.addVersion(principal, id, file, note);
	}

	@PostMapping("/{id}/retire")
	Mono<PlanSummary> retire(HubPrincipal principal, @PathVariable String id,
			@RequestBody(required = false) @Nullable Retirement body) {
		return this.managing.retire(principal, id, body == null ? null : body.reason());
	}

	@GetMapping("/{id}/versions/{version}")
	Mono<PlanVersion> version(@PathVariable String id, @PathVariable String version) {
		return this.reading.version(id, number(id, version));
	}

	/** The version's file, byte for byte as stored; its ETag is the SHA-256 of the bytes. */
	@GetMapping("/{id}/versions/{version}/file")
	Mono<ResponseEntity<byte[]>> file(@PathVariable String id, @PathVariable String version) {
		int n = number(id, version);
		return this.reading.version(id, n).zipWith(this.reading.file(id, n)).map(found -> ResponseEntity.ok()
			.contentType(JSON_UTF8)
			.eTag("\"" + found.getT1().sha256() + "\"")
			.cacheControl(CacheControl.noCache())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"" + id + "-v" + found.getT1().version() + ".json\"")
			.body(found.getT2().getBytes(StandardCharsets.UTF_8)));
	}

	@GetMapping("/{id}/versions/{version}/actions")
	Mono<List<PlannedAction>> actions(@PathVariable String id, @PathVariable String version,
			@RequestParam(required = false) @Nullable String level, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String cities) {
		ResponseLevel to = level(level, "level");
		if (to == null) {
			return Mono.error(HubException.field(ErrorCode.FIELD_REQUIRED, "level", "Name the level: IV, III, II or I"));
		}
		List<String> concerned = cities == null || cities.isBlank() ? List.of()
				: Arrays.stream(cities.split(",")).map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
		return this.reading.actions(id, number(id, version), to, level(from, "from"), concerned);
	}

	@GetMapping("/{id}/suggestion")
	Mono<LevelSuggestion> suggestion(@PathVariable String id, @RequestParam(required = false) @Nullable String version,
			@RequestParam(defaultValue = "false") boolean exercise) {
		return this.reading.suggestion(id, version == null ? 0 : number(id, version), exercise);
	}

	private static @Nullable ResponseLevel level(@Nullable String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return ResponseLevel.parse(text)
			.orElseThrow(() -> HubException.field(ErrorCode.INVALID_FIELD, field,
					"A response level is IV, III, II or I, not " + text));
	}

	/** A version number from the path; {@code current} is the current version (0 inside the hub). */
	private static int number(String id, String version) {
		if ("current".equals(version)) {
			return 0;
		}
		try {
			int n = Integer.parseInt(version);
			if (n >= 1) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// not a number: no such version, below
		}
		throw new HubException(ErrorCode.PLAN_VERSION_NOT_FOUND, "Plan " + id + " has no version " + version,
				Map.of("planId", id, "version", version));
	}

	/** The body of a retirement. */
	record Retirement(@Nullable String reason) {
	}

}
