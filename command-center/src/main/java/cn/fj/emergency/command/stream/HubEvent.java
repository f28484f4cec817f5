package cn.fj.emergency.command.stream;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonRawValue;
import org.jspecify.annotations.Nullable;

/**
 * One event of the log, as delivered: the envelope every live view shares. {@code seq} orders it among all
 * events; {@code cities} names the city platforms it concerns (empty: province level only); {@code data} is the
 * event's own JSON document, written as stored. {@code audience}, when not empty, names the only principals who may
 * see the event ({@link Audience}); it decides delivery but is not delivered: the JSON envelope does not show it.
 */
public record HubEvent(long seq, String stream, String type, @Nullable String subjectId, List<String> cities,
		Criticality criticality, @Nullable String conflationKey, boolean exercise, Instant recordedAt,
		@JsonRawValue String data, @JsonIgnore List<String> audience) {

	public HubEvent {
		cities = List.copyOf(cities);
		audience = List.copyOf(audience);
	}

	/** An event for everyone its cities allow (no audience). */
	public HubEvent(long seq, String stream, String type, @Nullable String subjectId, List<String> cities,
			Criticality criticality, @Nullable String conflationKey, boolean exercise, Instant recordedAt, String data) {
		this(seq, stream, type, subjectId, cities, criticality, conflationKey, exercise, recordedAt, data, List.of());
	}

}
