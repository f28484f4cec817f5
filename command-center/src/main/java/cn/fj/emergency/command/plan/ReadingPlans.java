package cn.fj.emergency.command.plan;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.alerting.warning.FindingWarnings;
import cn.fj.emergency.alerting.warning.WarningView;
import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.plan.SuggestingLevel.WarningFact;
import cn.fj.emergency.command.plan.persistence.PlanStore;

/**
 * Reading plans (docs/plans.md): the list, one plan with its history, a version (as its canonical file, byte for
 * byte), what a response on a version sets off at a level, and the level its conditions suggest now. This is also
 * what a response reads: it names a plan and a version, and a version never changes.
 */
@Component
public class ReadingPlans {

	private final PlanStore store;

	private final FindingWarnings warnings;

	private final Clock clock;

	public ReadingPlans(PlanStore store, FindingWarnings warnings, Clock clock) {
		this.store = store;
		this.warnings = warnings;
		this.clock = clock;
	}

	public Flux<PlanSummary> list() {
		return this.store.list();
	}

	/** The plan with its versions, newest first. */
	public Mono<PlanSummary> plan(String planId) {
		return this.store.find(planId)
			.switchIfEmpty(Mono.error(() -> notFound(planId)))
			.flatMap(plan -> this.store.versions(planId).collectList().map(plan::withVersions));
	}

	/** A version's record (who, when, note, digest); {@code version} 0 is the current one. */
	public Mono<PlanVersion> version(String planId, int version) {
		return resolve(planId, version).flatMap(v -> this.store.version(planId, v));
	}

	/** A version's canonical file as stored: the same bytes every time. */
	public Mono<String> file(String planId, int version) {
		return resolve(planId, version).flatMap(v -> this.store.content(planId, v)
			.switchIfEmpty(Mono.error(() -> versionNotFound(planId, v))));
	}

	/** A version read back into a plan. */
	public Mono<Plan> read(String planId, int version) {
		return file(planId, version).map(text -> PlanFile.read(text.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * What a response on the version sets off (docs/plans.md#levels): at activation on {@code level} when
	 * {@code from} is null, else what raising from {@code from} to {@code level} adds.
	 */
	public Mono<List<PlannedAction>> actions(String planId, int version, ResponseLevel level,
			@Nullable ResponseLevel from, Collection<String> concerned) {
		for (String city : concerned) {
			if (!Areas.isCity(city)) {
				return Mono.error(HubException.field(ErrorCode.UNKNOWN_AREA, "cities", "Not a city platform: " + city));
			}
		}
		return read(planId, version).map(plan -> from == null ? LevelActions.activation(plan, level, concerned)
				: LevelActions.raise(plan, from, level, concerned));
	}

	/**
	 * The level the version's conditions suggest for the warnings in force now and the open incidents, real ones
	 * unless {@code exercise} (then drill warnings and drill incidents). Never acts on it.
	 */
	public Mono<LevelSuggestion> suggestion(String planId, int version, boolean exercise) {
		return read(planId, version).flatMap(plan -> this.warnings.inForce(this.clock.instant())
			.map(list -> list.stream().filter(w -> exercise == "Exercise".equals(w.status())).map(ReadingPlans::fact).toList())
			.zipWith(this.store.openIncidents(exercise))
			.map(facts -> SuggestingLevel.evaluate(plan, facts.getT1(), facts.getT2(), this.clock.instant(), exercise)));
	}

	static WarningFact fact(WarningView w) {
		Set<String> cities = new HashSet<>(w.cityCodes());
		for (String county : w.countyCodes()) {
			Areas.county(county).ifPresent(c -> cities.add(c.cityCode()));
		}
		return new WarningFact(w.identifier(), w.headline(), w.severity(), w.colour(), cities);
	}

	/** The version asked for, the current one for 0, after checking it exists. */
	private Mono<Integer> resolve(String planId, int version) {
		return this.store.find(planId).switchIfEmpty(Mono.error(() -> notFound(planId))).flatMap(plan -> {
			if (version == 0) {
				return Mono.just(plan.currentVersion());
			}
			if (version < 0 || version > plan.currentVersion()) {
				return Mono.error(versionNotFound(planId, version));
			}
			return Mono.just(version);
		});
	}

	private static HubException notFound(String planId) {
		return new HubException(ErrorCode.PLAN_NOT_FOUND, "No plan " + planId, Map.of("planId", planId));
	}

	private static HubException versionNotFound(String planId, int version) {
		return new HubException(ErrorCode.PLAN_VERSION_NOT_FOUND, "Plan " + planId + " has no version " + version,
				Map.of("planId", planId, "version", version));
	}

}
