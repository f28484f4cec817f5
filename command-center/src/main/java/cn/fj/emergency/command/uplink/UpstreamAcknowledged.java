package cn.fj.emergency.command.uplink;

import java.time.Instant;
import java.util.UUID;

import cn.fj.emergency.command.incident.IncidentLevel;

/** What the {@code incident.upstream-acknowledged} event carries (docs/events.md). */
public record UpstreamAcknowledged(UUID incidentId, UUID forwardId, String cityCode, ForwardKind kind,
		IncidentLevel level, long sourceSeq, String receiptId, Instant acknowledgedAt, int attempts) {

	public static final String TYPE = "incident.upstream-acknowledged";

}
