package cn.fj.emergency.command.stream.rsocket;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.command.stream.Criticality;
import cn.fj.emergency.command.stream.HubEvent;

import static org.assertj.core.api.Assertions.assertThat;

/** Events are serialised once per sequence number, as the JSON encoder would, and the cache stays bounded. */
class EncodedEventsTest {

	final JsonMapper json = JsonMapper.builder().build();

	final EncodedEvents encoded = new EncodedEvents(this.json);

	static HubEvent event(long seq) {
		return new HubEvent(seq, "incidents", "incident.reported", "id-" + seq, List.of("350200"), Criticality.CRITICAL,
				null, false, Instant.parse("2026-12-02T08:00:00Z"), "{\"n\":" + seq + "}", List.of("officer-1"));
	}

	@Test
	void anEventIsWrittenAsTheJsonEncoderWouldAndOnlyOnce() {
		HubEvent event = event(7);
		byte[] first = this.encoded.encode(event);
		assertThat(first).isEqualTo(this.json.writeValueAsBytes(event));
		assertThat(new String(first, java.nio.charset.StandardCharsets.UTF_8)).contains("\"data\":{\"n\":7}")
			.doesNotContain("audience");
		assertThat(this.encoded.encode(event(7))).isSameAs(first);
	}

	@Test
	void theCacheStaysBoundedThroughALongBackfillAndAfterwards() {
		for (long seq = 1; seq <= 10 * EncodedEvents.KEEP; seq++) {
			assertThat(this.encoded.encode(event(seq))).isEqualTo(this.json.writeValueAsBytes(event(seq)));
			assertThat(this.encoded.size()).isLessThanOrEqualTo(2 * EncodedEvents.KEEP + 1);
		}
		// a late backfill from the start of the log is encoded but not kept
		int before = this.encoded.size();
		for (long seq = 1; seq <= 100; seq++) {
			assertThat(this.encoded.encode(event(seq))).isEqualTo(this.json.writeValueAsBytes(event(seq)));
		}
		assertThat(this.encoded.size()).isEqualTo(before);
	}

}
