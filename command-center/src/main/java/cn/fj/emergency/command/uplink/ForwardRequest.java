package cn.fj.emergency.command.uplink;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.incident.IncidentLevel;

/**
 * What the national peer receives for one forward, fixed when the forward is created and sent unchanged on every
 * attempt (docs/national-uplink.md).
 *
 * @param incident the incident as first reported (the {@code incident.reported} event's data), or null when the
 * log holds no report of it
 * @param response for a response forward, the signed response change (the {@code disaster-response.*} event's
 * data: level, previous level, reason, who, when, the event's cities and the JWS); null for an incident forward
 */
public record ForwardRequest(UUID forwardId, ForwardKind kind, String provinceCode, long sourceSeq,
		UUID incidentId, String cityCode, IncidentLevel level, @Nullable IncidentLevel previousLevel,
		@Nullable String reason, @Nullable String changedBy, @Nullable Instant changedAt, boolean exercise,
		Instant recordedAt, @JsonRawValue @Nullable String incident, @JsonRawValue @Nullable String response) {
}
