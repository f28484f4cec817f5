package cn.fj.emergency.command.incident;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a report, the same to every retry of it: the incident's id and the sequence number of its
 * {@code incident.reported} event, which a subscriber can wait for.
 */
public record ReportReceipt(UUID incidentId, String reportId, long seq, String cityCode, Instant reportedAt) {
}
