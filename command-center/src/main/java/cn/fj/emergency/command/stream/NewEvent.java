package cn.fj.emergency.command.stream;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** An event to append; it gets its sequence number when its transaction appends it. */
public record NewEvent(String stream, String type, @Nullable String subjectId, List<String> cities,
		Criticality criticality, @Nullable String conflationKey, boolean exercise, Object data) {

	public NewEvent {
		cities = List.copyOf(cities);
		if (criticality == Criticality.CONFLATABLE && conflationKey == null) {
			throw new IllegalArgumentException("A conflatable event needs a conflation key");
		}
	}

	public static NewEvent critical(String stream, String type, String subjectId, List<String> cities, boolean exercise,
			Object data) {
		return new NewEvent(stream, type, subjectId, cities, Criticality.CRITICAL, null, exercise, data);
	}

}
