package cn.fj.emergency.alerting.feed.poll;

import org.jspecify.annotations.Nullable;

/**
 * What one poll of a feed found.
 *
 * @param newAlerts alerts stored for the first time (repeats not counted)
 * @param documentsRefused linked CAP documents that could not be read or were refused (not CAP 1.0-1.2, fails the
 *        inbound profile, too large, not served)
 * @param error why the feed itself could not be read; null when it was
 */
public record FeedPollOutcome(int newAlerts, int documentsRefused, @Nullable String error) {

	public boolean failed() {
		return this.error != null;
	}

}
