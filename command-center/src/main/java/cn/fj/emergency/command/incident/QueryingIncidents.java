package cn.fj.emergency.command.incident;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.incident.persistence.IncidentStore;
import cn.fj.emergency.command.security.HubPrincipal;

/**
 * Reading incidents: one incident, searches with keyset paging, the province-wide summary, an incident's
 * timeline, the open suspicions of duplicates. A city-scoped principal reads its own city only; another city's
 * incident does not exist for it ({@code NOT_FOUND}).
 */
@Component
public class QueryingIncidents {

	static final int MAX_TIMELINE = 500;

	private final IncidentStore store;

	private final Clock clock;

	QueryingIncidents(IncidentStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	public Mono<Incident> incident(HubPrincipal principal, UUID id) {
		return ReportingIncident.visibleTo(principal, this.store.find(id), id);
	}

	public Mono<IncidentPage> search(HubPrincipal principal, QueryPolicy.Params params) {
		return Mono.fromCallable(() -> QueryPolicy.check(principal, params))
			.flatMap(query -> this.store.search(query).collectList().map(rows -> page(rows, query)));
	}

	private static IncidentPage page(List<Incident> rows, IncidentQuery query) {
		int size = query.size();
		if (rows.size() <= size) {
			return new IncidentPage(rows, null);
		}
		List<Incident> items = rows.subList(0, size);
		Incident last = items.get(size - 1);
		return new IncidentPage(items, query.sort() == IncidentQuery.Sort.LEVEL ? last.level().name() + ":" + last.id()
				: last.id().toString());
	}

	/**
	 * The incident's timeline after {@code after} (a {@code seq}), oldest first: at the start (after 0) the report
	 * itself, then every later event of the incident.
	 */
	public Flux<TimelineEntry> timeline(HubPrincipal principal, UUID id, @Nullable String after, @Nullable String limit) {
		return Mono.fromCallable(() -> new long[] { QueryPolicy.after(after), QueryPolicy.size(limit, 100, MAX_TIMELINE) })
			.flatMapMany(bounds -> incident(principal, id).flatMapMany(incident -> {
				Flux<TimelineEntry> later = this.store.timeline(id, bounds[0], (int) bounds[1]);
				Long reportedSeq = incident.reportedSeq();
				return reportedSeq != null && reportedSeq > bounds[0] ? Flux.just(reported(incident, reportedSeq)).concatWith(later).take(bounds[1])
						: later;
			}));
	}

	/** The report as the timeline's first entry: by whom (its reporter) and when the hub stored it. */
	private static TimelineEntry reported(Incident incident, long seq) {
		String data = "{\"id\":\"" + incident.id() + "\",\"source\":\"" + incident.source().kind() + "\"}";
		return new TimelineEntry(seq, incident.id(), Incident.REPORTED, incident.reporter(), incident.reportedAt(),
				incident.exercise(), data);
	}

	public Mono<IncidentSummary> summary(HubPrincipal principal, @Nullable String city, @Nullable String exercise,
			@Nullable String from, @Nullable String to) {
		return Mono.fromCallable(() -> new SummaryQuery(QueryPolicy.city(principal, city), QueryPolicy.bool("exercise", exercise),
				QueryPolicy.time("from", from), QueryPolicy.time("to", to)))
			.flatMap(q -> this.store.summary(q.city(), q.exercise(), q.from(), q.to()).collectList())
			.map(QueryingIncidents::summarise);
	}

	private static IncidentSummary summarise(List<IncidentSummary.Count> counts) {
		Map<String, long[]> byCity = new TreeMap<>();
		Map<List<String>, Long> byCell = new LinkedHashMap<>();
		Map<String, long[]> byLevel = new TreeMap<>();
		Map<String, long[]> byStatus = new TreeMap<>();
		long open = 0;
		long closed = 0;
		long openDrills = 0;
		for (IncidentSummary.Count row : counts) {
			// city: open, closed, open real, open drills
			long[] city = byCity.computeIfAbsent(row.cityCode(), c -> new long[4]);
			boolean finished = IncidentStatus.valueOf(row.status()).terminal();
			int kind = row.exercise() ? 1 : 0;
			byCell.merge(List.of(row.cityCode(), row.level(), row.status()), row.count(), Long::sum);
			byStatus.computeIfAbsent(row.status(), k -> new long[2])[kind] += row.count();
			if (finished) {
				city[1] += row.count();
				closed += row.count();
			}
			else {
				city[0] += row.count();
				city[row.exercise() ? 3 : 2] += row.count();
				byLevel.computeIfAbsent(row.level(), k -> new long[2])[kind] += row.count();
				open += row.count();
				openDrills += row.exercise() ? row.count() : 0;
			}
		}
		List<IncidentSummary.CityCount> cities = new ArrayList<>();
		byCity.forEach((city, c) -> cities.add(new IncidentSummary.CityCount(city, c[0], c[1], c[2], c[3])));
		List<IncidentSummary.Cell> cells = new ArrayList<>();
		byCell.forEach((key, n) -> cells.add(new IncidentSummary.Cell(key.get(0), key.get(1), key.get(2), n)));
		return new IncidentSummary(open + closed, open, closed, cities, cells, open - openDrills, openDrills,
				tallies(byLevel), tallies(byStatus));
	}

	private static List<IncidentSummary.Tally> tallies(Map<String, long[]> counts) {
		List<IncidentSummary.Tally> tallies = new ArrayList<>();
		counts.forEach((key, c) -> tallies.add(new IncidentSummary.Tally(key, c[0], c[1])));
		return tallies;
	}

	/**
	 * What is open, whole: every open level I/II incident and the open incidents counted per county (see
	 * {@link IncidentPicture}); {@code exercise} as in a search.
	 */
	public Mono<IncidentPicture> picture(HubPrincipal principal, @Nullable String city, @Nullable String exercise) {
		return Mono.fromCallable(() -> new PictureQuery(QueryPolicy.city(principal, city), QueryPolicy.bool("exercise", exercise)))
			.flatMap(q -> Mono.zip(this.store.openGrave(q.city(), q.exercise()).collectList(),
					this.store.openByCounty(q.city(), q.exercise()).collectList()))
			.map(both -> new IncidentPicture(this.clock.instant(), both.getT1(), both.getT2()));
	}

	/** Open suspicions of duplicates, newest first; {@code before} is the {@code seq} of the last one of the previous page. */
	public Flux<DuplicateSuspicion> suspicions(HubPrincipal principal, @Nullable String city, @Nullable String before,
			@Nullable String size) {
		return Mono.fromCallable(() -> new SuspicionQuery(QueryPolicy.city(principal, city),
				before == null || before.isBlank() ? null : QueryPolicy.after(before),
				QueryPolicy.size(size, QueryPolicy.DEFAULT_SIZE, QueryPolicy.MAX_SIZE)))
			.flatMapMany(q -> this.store.suspicions(q.city(), q.before(), q.size()));
	}

	private record SummaryQuery(@Nullable String city, @Nullable Boolean exercise, java.time.@Nullable Instant from,
			java.time.@Nullable Instant to) {
	}

	private record PictureQuery(@Nullable String city, @Nullable Boolean exercise) {
	}

	private record SuspicionQuery(@Nullable String city, @Nullable Long before, int size) {
	}

}
