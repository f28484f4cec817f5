package cn.fj.emergency.resources.reservation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A city's request for supplies for an incident (EDXL-RM RequestResource). {@code messageId} is chosen by the
 * requester and makes the request idempotent; {@code incidentId} is the hub's incident id or the sender's own.
 */
public record SupplyRequest(UUID id, String messageId, String cityCode, @Nullable String incidentId,
		@Nullable String contact, @Nullable String location, @Nullable String note, Instant sentAt,
		Instant requestedAt, List<RequestLine> lines) {

	public SupplyRequest {
		lines = List.copyOf(lines);
	}

}
