package cn.fj.emergency.command.drill.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.command.drill.Drill;
import cn.fj.emergency.command.drill.ScenarioPlayer;

/** Drills and their reports. Every change of state is conditional on the drill still running. */
@Repository
public class DrillStore {

	private static final String COLUMNS = """
			id, scenario_name, scenario ->> 'title' as title, state, time_scale, rate_multiplier, started_by, started_at,
			ended_at, progress::text as progress, error""";

	private final DatabaseClient db;

	private final JsonMapper json;

	public DrillStore(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	public Mono<Void> insert(Drill drill, String scenarioJson) {
		return this.db.sql("""
				insert into drill (id, scenario_name, scenario, time_scale, rate_multiplier, state, started_by, started_at)
				values ($1, $2, $3::jsonb, $4, $5, $6, $7, $8)""")
			.bind(0, drill.id())
			.bind(1, drill.scenario())
			.bind(2, scenarioJson)
			.bind(3, drill.timeScale())
			.bind(4, drill.rateMultiplier())
			.bind(5, drill.state().name())
			.bind(6, drill.startedBy())
			.bind(7, drill.startedAt())
			.then();
	}

	/**
	 * Saves the progress, if any, and the playing instance's heartbeat; answers whether the drill is still running (a
	 * cancelled one is not updated).
	 */
	public Mono<Boolean> saveProgress(UUID id, ScenarioPlayer.@Nullable Progress progress) {
		return bindText(this.db.sql("""
				update drill set progress = coalesce($2::jsonb, progress), heartbeat_at = now()
				where id = $1 and state = 'RUNNING'""").bind(0, id), 1,
				progress == null ? null : this.json.writeValueAsString(progress))
			.fetch()
			.rowsUpdated()
			.map(rows -> rows > 0);
	}

	/** Ends a running drill; answers whether it was running. */
	public Mono<Boolean> end(UUID id, Drill.State state, Instant at, @Nullable String error, @Nullable String reportJson,
			@Nullable String reportMarkdown) {
		DatabaseClient.GenericExecuteSpec spec = this.db.sql("""
				update drill set state = $2, ended_at = $3, error = $4, report = $5::jsonb, report_markdown = $6
				where id = $1 and state = 'RUNNING'""")
			.bind(0, id)
			.bind(1, state.name())
			.bind(2, at);
		spec = bindText(spec, 3, error);
		spec = bindText(spec, 4, reportJson);
		spec = bindText(spec, 5, reportMarkdown);
		return spec.fetch()
			.rowsUpdated()
			.map(rows -> rows > 0);
	}

	private static DatabaseClient.GenericExecuteSpec bindText(DatabaseClient.GenericExecuteSpec spec, int index,
			@Nullable String value) {
		return value == null ? spec.bindNull(index, String.class) : spec.bind(index, value);
	}

	/** The running drills whose instance has given no sign of life for {@code silence} (by the database's clock). */
	public Flux<UUID> abandoned(Duration silence) {
		return this.db.sql("""
				select id from drill where state = 'RUNNING' and heartbeat_at < now() - make_interval(secs => $1)
				order by heartbeat_at limit 100""")
			.bind(0, silence.toMillis() / 1000.0)
			.map(row -> row.get("id", UUID.class))
			.all();
	}

	public Mono<Drill> find(UUID id) {
		return this.db.sql("select " + COLUMNS + ", report::text as report, report_markdown from drill where id = $1")
			.bind(0, id)
			.map(row -> drill(row, true))
			.one();
	}

	public Flux<Drill> list(int limit) {
		return this.db.sql("select " + COLUMNS + " from drill order by started_at desc limit $1")
			.bind(0, limit)
			.map(row -> drill(row, false))
			.all();
	}

	private Drill drill(Readable row, boolean withReport) {
		String progress = row.get("progress", String.class);
		String report = withReport ? row.get("report", String.class) : null;
		Double timeScale = row.get("time_scale", Double.class);
		Double rateMultiplier = row.get("rate_multiplier", Double.class);
		return new Drill(row.get("id", UUID.class), string(row, "scenario_name"), row.get("title", String.class),
				Drill.State.valueOf(string(row, "state")), timeScale == null ? 0 : timeScale,
				rateMultiplier == null ? 0 : rateMultiplier, string(row, "started_by"),
				row.get("started_at", Instant.class), row.get("ended_at", Instant.class),
				progress == null ? null : this.json.readValue(progress, ScenarioPlayer.Progress.class),
				row.get("error", String.class), report == null ? null : this.json.readTree(report),
				withReport ? row.get("report_markdown", String.class) : null);
	}

	private static String string(Readable row, String column) {
		String value = row.get(column, String.class);
		if (value == null) {
			throw new IllegalStateException("drill." + column + " is null");
		}
		return value;
	}

}
