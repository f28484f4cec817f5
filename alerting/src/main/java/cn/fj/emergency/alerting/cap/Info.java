package cn.fj.emergency.alerting.cap;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One info block of an alert: the event in one language. {@code language} is null when the element is
 * absent (CAP then means en-US, see {@link #languageOrDefault()}).
 */
public record Info(@Nullable String language, List<Category> categories, String event,
		List<ResponseType> responseTypes, Urgency urgency, Severity severity, Certainty certainty,
		@Nullable String audience, List<NamedValue> eventCodes, @Nullable OffsetDateTime effective,
		@Nullable OffsetDateTime onset, @Nullable OffsetDateTime expires, @Nullable String senderName,
		@Nullable String headline, @Nullable String description, @Nullable String instruction, @Nullable String web,
		@Nullable String contact, List<NamedValue> parameters, List<Resource> resources, List<Area> areas) {

	/** CAP's default when {@code language} is absent. */
	public static final String DEFAULT_LANGUAGE = "en-US";

	public Info {
		categories = List.copyOf(categories);
		Objects.requireNonNull(event, "event");
		responseTypes = List.copyOf(responseTypes);
		Objects.requireNonNull(urgency, "urgency");
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(certainty, "certainty");
		eventCodes = List.copyOf(eventCodes);
		effective = effective == null ? null : effective.truncatedTo(ChronoUnit.SECONDS);
		onset = onset == null ? null : onset.truncatedTo(ChronoUnit.SECONDS);
		expires = expires == null ? null : expires.truncatedTo(ChronoUnit.SECONDS);
		parameters = List.copyOf(parameters);
		resources = List.copyOf(resources);
		areas = List.copyOf(areas);
	}

	public String languageOrDefault() {
		return language == null ? DEFAULT_LANGUAGE : language;
	}

	/** The values of the parameters named {@code valueName}, in order. */
	public List<String> parameters(String valueName) {
		return parameters.stream().filter(p -> p.valueName().equals(valueName)).map(NamedValue::value).toList();
	}

	/** The first parameter named {@code valueName}. */
	public Optional<String> parameter(String valueName) {
		return parameters(valueName).stream().findFirst();
	}

}
