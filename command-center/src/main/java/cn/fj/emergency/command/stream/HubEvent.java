package cn.fj.emergency.command.stream;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.jspecify.annotations.Nullable;

/**
 * One event of the log, as delivered: the envelope every live view shares. {@code seq} orders it among all
 * events; {@code cities} names the city platforms it concerns (empty: province level only); {@code data} is the
 * event's own JSON document, written as stored.
 */
public record HubEvent(long seq, String stream, String type, @Nullable String subjectId, List<String> cities,
		Criticality criticality, @Nullable String conflationKey, boolean exercise, Instant recordedAt,
		@JsonRawValue String data) {

	public HubEvent {
		cities = List.copyOf(cities);
	}

}
