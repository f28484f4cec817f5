package cn.fj.emergency.command.drill;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A drill as the console sees it ({@code GET /api/drills/{id}}, docs/drills.md#the-drill-resource): its state, its
 * last progress and, once it has ended, its report. {@code report} and {@code reportMarkdown} are null in lists.
 */
public record Drill(UUID id, String scenario, @Nullable String title, State state, double timeScale,
		double rateMultiplier, String startedBy, Instant startedAt, @Nullable Instant endedAt,
		ScenarioPlayer.@Nullable Progress progress, @Nullable String error, @Nullable JsonNode report,
		@Nullable String reportMarkdown) {

	public static final String STREAM = "drills";

	public enum State {

		RUNNING, FINISHED, FAILED, CANCELLED

	}

	/** The summary of a list: without the report. */
	public Drill summary() {
		return new Drill(this.id, this.scenario, this.title, this.state, this.timeScale, this.rateMultiplier,
				this.startedBy, this.startedAt, this.endedAt, this.progress, this.error, null, null);
	}

}
