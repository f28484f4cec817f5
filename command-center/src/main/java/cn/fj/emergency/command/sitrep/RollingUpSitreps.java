package cn.fj.emergency.command.sitrep;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.incident.FindingIncident;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.sitrep.persistence.SitrepStore;

/**
 * The province's view of situation reports: an incident's reports, its roll-up (latest per kind and source, and
 * totals) and the province-wide totals over open incidents, by city. Each is computed by the database.
 */
@Component
public class RollingUpSitreps {

	/** Bound on one answer of {@link #list}; an incident with more reports is read through its roll-up. */
	static final int MAX_LISTED = 1000;

	private final FindingIncident incidents;

	private final SitrepStore store;

	private final Clock clock;

	public RollingUpSitreps(FindingIncident incidents, SitrepStore store, Clock clock) {
		this.incidents = incidents;
		this.store = store;
		this.clock = clock;
	}

	public Flux<Sitrep> list(HubPrincipal principal, UUID incidentId) {
		return this.incidents.visibleTo(principal, incidentId).flatMapMany(i -> this.store.list(i.id(), MAX_LISTED));
	}

	public Mono<SitrepRollup> incident(HubPrincipal principal, UUID incidentId) {
		return this.incidents.visibleTo(principal, incidentId)
			.flatMap(incident -> Mono.zip(this.store.latest(incident.id()).collectList(), this.store.totals(incident.id()))
				.map(t -> new SitrepRollup(incident.id(), incident.cityCode(), this.clock.instant(), t.getT1(), t.getT2())));
	}

	/** A principal confined to a city gets that city's figures only. */
	public Mono<ProvinceRollup> province(HubPrincipal principal, boolean exercise) {
		return this.store.byCity(exercise, principal.cityCode()).collectList().map(rows -> split(rows, exercise));
	}

	private ProvinceRollup split(List<ProvinceRollup.CityRollup> rows, boolean exercise) {
		// the province row is last (SQL rollup); an empty log still has it
		List<ProvinceRollup.CityRollup> cities = rows.subList(0, rows.size() - 1);
		return new ProvinceRollup(this.clock.instant(), exercise, List.copyOf(cities), rows.get(rows.size() - 1));
	}

}
