package cn.fj.emergency.command.stream.rsocket;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.command.stream.HubEvent;

/**
 * Each event's JSON, encoded once for every stream that delivers it: a report seen by a thousand consoles is
 * written a thousand times over the network, but serialised once. A sequence number names one event for ever (the
 * log is append-only), so the recent ones are kept by it; older ones, asked for by a backfill, are encoded again
 * when they have been evicted.
 */
@Component
class EncodedEvents {

	/** How many of the newest events are kept: a few seconds of a typhoon's peak. */
	static final int KEEP = 4096;

	private final JsonMapper json;

	private final ConcurrentHashMap<Long, byte[]> recent = new ConcurrentHashMap<>();

	private final AtomicLong newest = new AtomicLong();

	EncodedEvents(JsonMapper json) {
		this.json = json;
	}

	/** The event as the stream's JSON document (the same bytes the JSON encoder would write). */
	byte[] encode(HubEvent event) {
		long seq = event.seq();
		long newest = this.newest.accumulateAndGet(seq, Math::max);
		if (seq <= newest - KEEP) {
			// an old event, read by one backfill: not worth keeping
			return this.json.writeValueAsBytes(event);
		}
		byte[] bytes = this.recent.get(seq);
		if (bytes != null) {
			return bytes;
		}
		bytes = this.json.writeValueAsBytes(event);
		byte[] raced = this.recent.putIfAbsent(seq, bytes);
		if (this.recent.size() > 2 * KEEP) {
			long oldest = newest - KEEP;
			this.recent.keySet().removeIf(kept -> kept <= oldest);
		}
		return raced != null ? raced : bytes;
	}

	/** Events kept now (for tests). */
	int size() {
		return this.recent.size();
	}

}
