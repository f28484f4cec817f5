package cn.fj.emergency.resources.reservation;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A request that passed the {@link RequestPolicy}, with the hash of its content that recognises a retry. */
public record ValidRequest(String requester, String messageId, String cityCode, @Nullable String incidentId,
		@Nullable String contact, @Nullable String location, @Nullable String note, Instant sentAt,
		List<RequestLine> lines, String payloadHash) {

	public ValidRequest {
		lines = List.copyOf(lines);
	}

}
