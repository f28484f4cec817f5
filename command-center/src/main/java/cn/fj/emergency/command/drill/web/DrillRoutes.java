package cn.fj.emergency.command.drill.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.drill.Drill;
import cn.fj.emergency.command.drill.DrillPlan;
import cn.fj.emergency.command.drill.RunningDrills;
import cn.fj.emergency.command.drill.Scenario;
import cn.fj.emergency.command.drill.Scenarios;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;

/** Commanders and administrators start, follow and cancel drills (docs/http-api.md#drills). */
@RestController
class DrillRoutes {

	private static final int LISTED = 50;

	private final RunningDrills drills;

	DrillRoutes(RunningDrills drills) {
		this.drills = drills;
	}

	/** Body: {@code scenario} (a shipped name or an inline scenario), {@code timeScale}, {@code rateMultiplier}. */
	@PostMapping("/api/drills")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Drill> start(HubPrincipal principal, @RequestBody JsonNode body) {
		// a shipped scenario is a class path resource: read off the event loop
		return Mono.fromCallable(() -> scenario(body.path("scenario")))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(scenario -> this.drills.start(principal, scenario, number(body, "timeScale"),
					number(body, "rateMultiplier")));
	}

	/**
	 * Same body as {@link #start}: what the drill would send (its {@code DrillPlan}: peak reports per second,
	 * reports, wall-clock length), checked as a start is, nothing started. The console asks for confirmation with it.
	 */
	@PostMapping("/api/drills/preview")
	Mono<DrillPlan> preview(@RequestBody JsonNode body) {
		return Mono.fromCallable(() -> scenario(body.path("scenario")))
			.subscribeOn(Schedulers.boundedElastic())
			.map(scenario -> this.drills.preview(scenario, number(body, "timeScale"), number(body, "rateMultiplier")));
	}

	private static Scenario scenario(JsonNode scenario) {
		if (scenario.isString()) {
			return Scenarios.shipped(scenario.asString());
		}
		if (scenario.isObject()) {
			return Scenarios.parse(scenario.toString());
		}
		throw HubException.field(ErrorCode.FIELD_REQUIRED, "scenario",
				"scenario is required: the name of a shipped scenario or a scenario object");
	}

	private static double number(JsonNode body, String field) {
		JsonNode value = body.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return 1;
		}
		if (!value.isNumber()) {
			throw HubException.field(ErrorCode.INVALID_FIELD, field, field + " must be a number");
		}
		return value.asDouble();
	}

	@GetMapping("/api/drills")
	Mono<List<Drill>> list() {
		return this.drills.list(LISTED).collectList();
	}

	@GetMapping("/api/drills/{id}")
	Mono<Drill> drill(@PathVariable String id) {
		return Mono.defer(() -> this.drills.find(uuid(id)));
	}

	@PostMapping("/api/drills/{id}/cancel")
	Mono<Drill> cancel(@PathVariable String id) {
		return Mono.defer(() -> this.drills.cancel(uuid(id)));
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException notUuid) {
			throw new HubException(ErrorCode.DRILL_NOT_FOUND, "No drill " + id, Map.of("drillId", id));
		}
	}

}
