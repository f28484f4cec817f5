package cn.fj.emergency.command.stream;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An event to append; it gets its sequence number when its transaction appends it. {@code audience}, when not
 * empty, names the only principals who may see it ({@link Audience}); build it with {@link #withAudience}.
 */
public record NewEvent(String stream, String type, @Nullable String subjectId, List<String> cities,
		Criticality criticality, @Nullable String conflationKey, boolean exercise, Object data, List<String> audience) {

	public NewEvent {
		cities = List.copyOf(cities);
		audience = List.copyOf(audience);
		if (criticality == Criticality.CONFLATABLE && conflationKey == null) {
			throw new IllegalArgumentException("A conflatable event needs a conflation key");
		}
	}

	/** An event for everyone its cities allow: no audience. */
	public NewEvent(String stream, String type, @Nullable String subjectId, List<String> cities,
			Criticality criticality, @Nullable String conflationKey, boolean exercise, Object data) {
		this(stream, type, subjectId, cities, criticality, conflationKey, exercise, data, List.of());
	}

	/** The same event, addressed: only the principals named in {@code audience} will see it. */
	public NewEvent withAudience(Collection<String> audience) {
		return new NewEvent(this.stream, this.type, this.subjectId, this.cities, this.criticality, this.conflationKey,
				this.exercise, this.data, List.copyOf(new LinkedHashSet<>(audience)));
	}

	public static NewEvent critical(String stream, String type, String subjectId, List<String> cities, boolean exercise,
			Object data) {
		return new NewEvent(stream, type, subjectId, cities, Criticality.CRITICAL, null, exercise, data);
	}

}
