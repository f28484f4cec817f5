package cn.fj.emergency.resources;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An event of the registry, as the application's event log will carry it. {@code cities} names the city platforms
 * that may see it (empty: province officers only). An event with a {@code conflationKey} is a level that a newer
 * one with the same key replaces (it may be conflated for a slow subscriber); one without is never dropped.
 */
public record SupplyEvent(String stream, String type, String subjectId, List<String> cities,
		@Nullable String conflationKey, Object data) {

	public SupplyEvent {
		cities = List.copyOf(cities);
	}

	public static SupplyEvent critical(String stream, String type, String subjectId, List<String> cities, Object data) {
		return new SupplyEvent(stream, type, subjectId, cities, null, data);
	}

	public static SupplyEvent conflatable(String stream, String type, String subjectId, List<String> cities,
			String conflationKey, Object data) {
		return new SupplyEvent(stream, type, subjectId, cities, conflationKey, data);
	}

	public boolean conflatable() {
		return this.conflationKey != null;
	}

}
