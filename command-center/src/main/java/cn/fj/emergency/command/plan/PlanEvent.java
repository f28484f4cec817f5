package cn.fj.emergency.command.plan;

import org.jspecify.annotations.Nullable;

/**
 * The data of a plan event on the log ({@code plans} stream, docs/events.md): the version added (for
 * {@code plan.imported} and {@code plan.version-added}) or the plan's current version when retired, with who did it
 * and the note (or the reason of a retirement).
 */
public record PlanEvent(String planId, int version, String titleZh, String titleEn, String category, String by,
		String note, @Nullable String sha256) {

	public static final String STREAM = "plans";

	public static final String IMPORTED = "plan.imported";

	public static final String VERSION_ADDED = "plan.version-added";

	public static final String RETIRED = "plan.retired";

}
