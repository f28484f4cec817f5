package cn.fj.emergency.command.plan;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A plan as listed: its current version and (in {@code versions}, newest first, when asked for one plan) its
 * history; {@code retiredAt} is set once it is retired.
 */
public record PlanSummary(String id, int currentVersion, String titleZh, String titleEn, String category,
		Instant createdAt, Instant updatedAt, @Nullable Instant retiredAt, @Nullable String retiredBy,
		@Nullable String retireReason, List<PlanVersion> versions) {

	public PlanSummary {
		versions = List.copyOf(versions);
	}

	public PlanSummary withVersions(List<PlanVersion> history) {
		return new PlanSummary(this.id, this.currentVersion, this.titleZh, this.titleEn, this.category, this.createdAt,
				this.updatedAt, this.retiredAt, this.retiredBy, this.retireReason, history);
	}

}
