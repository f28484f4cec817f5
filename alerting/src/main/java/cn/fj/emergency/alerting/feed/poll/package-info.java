/**
 * Polling departments' Atom and RSS feeds with a non-blocking HTTP client: each entry's CAP link is fetched and
 * handed to the inbound store; timeouts, backoff and a loop that outlives every error.
 */
@NullMarked
package cn.fj.emergency.alerting.feed.poll;

import org.jspecify.annotations.NullMarked;
