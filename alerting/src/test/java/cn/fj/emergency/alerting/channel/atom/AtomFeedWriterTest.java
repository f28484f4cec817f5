package cn.fj.emergency.alerting.channel.atom;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.fj.emergency.alerting.channel.ActiveWarning;

import static org.assertj.core.api.Assertions.assertThat;

/** The feed's shape: Atom namespace, RFC 3339 times with seconds, CAP links, escaped text. */
class AtomFeedWriterTest {

	final AtomFeedWriter writer = new AtomFeedWriter("https://hub.example/", "Warnings", "Fujian");

	@Test
	void entryLinksToTheCapDocumentWithTimesInSeconds() {
		OffsetDateTime sent = OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.ofHours(8));
		String xml = this.writer.write(List.of(new ActiveWarning("FJ 1/2", "s@x", sent, "Rain & wind <red>", "Extreme",
				"red", null, Instant.parse("2026-12-01T02:00:05Z"))), Instant.parse("2026-12-01T03:00:00Z"));

		assertThat(xml).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">")
			.contains("<updated>2026-12-01T02:00:05Z</updated>")
			.contains("<updated>2026-12-01T10:00:00+08:00</updated>")
			.contains("<title>Rain &amp; wind &lt;red&gt;</title>")
			.contains("<link rel=\"alternate\" type=\"application/cap+xml\" href=\"https://hub.example/api/public/warnings/FJ%201%2F2.cap\"")
			.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://hub.example/api/public/warnings.atom\"");
	}

	@Test
	void emptyFeedIsUpdatedNow() {
		assertThat(this.writer.write(List.of(), Instant.parse("2026-12-01T03:00:00Z")))
			.contains("<updated>2026-12-01T03:00:00Z</updated>")
			.doesNotContain("<entry>");
	}

}
