package cn.fj.emergency.alerting.warning;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A change of a warning, for the hub's event log.
 *
 * @param type {@code warning.drafted}, {@code warning.revised}, {@code warning.submitted}, {@code warning.approved}, {@code warning.rejected},
 * {@code warning.published}, {@code warning.updated}, {@code warning.cancelled} or {@code warning.expired}
 * @param cityCodes the city platforms that may see it: the cities covered, once published; none before
 * @param exercise whether the warning's CAP status is Exercise
 * @param warning the warning after the change
 * @param capXml the published CAP document, on {@code warning.published} only
 */
public record WarningEvent(String type, String identifier, List<String> cityCodes, boolean exercise, WarningView warning,
		@Nullable String capXml) {

	public static final String DRAFTED = "warning.drafted";

	public static final String REVISED = "warning.revised";

	public static final String SUBMITTED = "warning.submitted";

	public static final String APPROVED = "warning.approved";

	public static final String REJECTED = "warning.rejected";

	public static final String PUBLISHED = "warning.published";

	public static final String UPDATED = "warning.updated";

	public static final String CANCELLED = "warning.cancelled";

	public static final String EXPIRED = "warning.expired";

	public WarningEvent {
		cityCodes = List.copyOf(cityCodes);
	}

}
