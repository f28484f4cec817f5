package cn.fj.emergency.alerting.channel;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** An entry of the public CAP Atom feed: an active published warning. */
public record ActiveWarning(String identifier, String sender, OffsetDateTime sent, String headline, String severity,
		@Nullable String colour, @Nullable OffsetDateTime expires, Instant publishedAt) {
}
