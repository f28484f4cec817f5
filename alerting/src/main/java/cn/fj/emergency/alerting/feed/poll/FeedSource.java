package cn.fj.emergency.alerting.feed.poll;

import java.net.URI;
import java.time.Duration;

/** A department's Atom or RSS feed of CAP alerts, polled every {@code interval}. */
public record FeedSource(URI url, Duration interval) {
}
