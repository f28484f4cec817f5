package cn.fj.emergency.resources.reservation;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A request for supplies as sent (JSON, or read from an EDXL-RM RequestResource). {@code requestId} is chosen by the
 * requester (the EDXL-RM MessageID) and makes retries safe. A city platform requests for its own city;
 * province-wide officers name the {@code cityCode} they request for.
 *
 * @param sentAt ISO-8601 with an offset; the hub's clock when absent
 */
public record RequestForm(@Nullable String requestId, @Nullable String cityCode, @Nullable String incidentId,
		@Nullable String contact, @Nullable String location, @Nullable String note, @Nullable String sentAt,
		@Nullable List<Line> lines) {

	/**
	 * A catalogue item ({@code itemCode}) or an outside resource type ({@code typeUrn} and {@code typeValue}, with
	 * its {@code resourceName}), and the quantity needed. {@code elementId} defaults to the line's position.
	 */
	public record Line(@Nullable String elementId, @Nullable String itemCode, @Nullable String typeUrn,
			@Nullable String typeValue, @Nullable String resourceName, @Nullable Long quantity) {
	}

}
