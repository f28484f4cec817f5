package cn.fj.emergency.alerting.feed.poll;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A polled feed as the officers see it ({@code GET /api/inbound-feeds}).
 *
 * @param url the feed
 * @param nextDue when the next poll is due
 * @param polls polls made, by any instance
 * @param failures polls in which the feed itself could not be read
 * @param documentsRefused linked CAP documents refused or unreadable, over all polls
 * @param alertsStored alerts stored for the first time, over all polls
 * @param lastPolledAt when the last poll ended; null before the first
 * @param lastPolledBy the instance that made it
 * @param lastOutcome {@code OK} or {@code FAILED}; null before the first poll
 * @param lastError why the last poll failed; null unless it did
 * @param lastNewAlerts alerts the last poll stored for the first time
 */
public record FeedStatus(String url, Instant nextDue, long polls, long failures, long documentsRefused,
		long alertsStored, @Nullable Instant lastPolledAt, @Nullable String lastPolledBy, @Nullable String lastOutcome,
		@Nullable String lastError, @Nullable Integer lastNewAlerts) {
}
