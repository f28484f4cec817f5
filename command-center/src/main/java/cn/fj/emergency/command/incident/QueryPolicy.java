package cn.fj.emergency.command.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.Fields;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;

/**
 * Turns query parameters as received into a checked {@link IncidentQuery}, each bad one refused with
 * {@code INVALID_FIELD} and its name. A city-scoped principal is held to its own city: naming another is
 * {@code CITY_SCOPE_VIOLATION}, as on the live stream, rather than an empty answer.
 */
public final class QueryPolicy {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 200;

	private QueryPolicy() {
	}

	/** Parameters of a search, as strings from the query string (or a route's payload). */
	public record Params(@Nullable String city, @Nullable String county, List<String> level, List<String> status,
			@Nullable String category, @Nullable String from, @Nullable String to, @Nullable String exercise,
			@Nullable String open, @Nullable String before, @Nullable String size, @Nullable String source,
			@Nullable String q, @Nullable String sort) {

		public Params {
			level = List.copyOf(level);
			status = List.copyOf(status);
		}

	}

	public static IncidentQuery check(HubPrincipal principal, Params p) {
		String city = city(principal, p.city());
		String county = p.county();
		if (county != null) {
			Areas.County known = Areas.county(county)
				.orElseThrow(() -> HubException.field(ErrorCode.INVALID_FIELD, "county", "Unknown county code '" + county + "'"));
			if (principal.cityCode() != null && !principal.cityCode().equals(known.cityCode())) {
				throw new HubException(ErrorCode.CITY_SCOPE_VIOLATION, "County " + county + " is not in city " + principal.cityCode());
			}
		}
		for (String level : p.level()) {
			if (IncidentLevel.parse(level).isEmpty()) {
				throw HubException.field(ErrorCode.INVALID_FIELD, "level", "level must be I, II, III or IV, not '" + level + "'");
			}
		}
		for (String status : p.status()) {
			if (IncidentStatus.parse(status).isEmpty()) {
				throw HubException.field(ErrorCode.INVALID_FIELD, "status", "Unknown status '" + status + "'");
			}
		}
		String category = p.category();
		if (category != null && IncidentCategory.known(category).isEmpty()) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "category", "Unknown category '" + category + "' (GB/T 35561)");
		}
		Instant from = time("from", p.from());
		Instant to = time("to", p.to());
		if (from != null && to != null && !from.isBefore(to)) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "to", "to must lie after from");
		}
		String source = p.source();
		if (source != null && !source.isBlank() && !IncidentSource.KINDS.contains(source)) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "source", "source must be one of " + IncidentSource.KINDS.stream().sorted().toList());
		}
		IncidentQuery.Sort sort = sort(p.sort());
		return new IncidentQuery(city, county, p.level(), p.status(), category, from, to, bool("exercise", p.exercise()),
				bool("open", p.open()), source == null || source.isBlank() ? null : source, text(p.q()), sort,
				cursor(sort, p.before()), size(p.size(), DEFAULT_SIZE, MAX_SIZE));
	}

	/** The longest search text taken. */
	public static final int MAX_TEXT = 100;

	static IncidentQuery.Sort sort(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return IncidentQuery.Sort.NEWEST;
		}
		return switch (text) {
			case "newest" -> IncidentQuery.Sort.NEWEST;
			case "level" -> IncidentQuery.Sort.LEVEL;
			case "age" -> IncidentQuery.Sort.AGE;
			default -> throw HubException.field(ErrorCode.INVALID_FIELD, "sort", "sort must be newest, level or age, not '" + text + "'");
		};
	}

	/** A page's end as given back in {@code before}: an id, and for the level order {@code <level>:<id>}. */
	static IncidentQuery.@Nullable Cursor cursor(IncidentQuery.Sort sort, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (sort != IncidentQuery.Sort.LEVEL) {
			return new IncidentQuery.Cursor(nonNullId(text), null);
		}
		int colon = text.indexOf(':');
		String level = colon < 0 ? "" : text.substring(0, colon);
		if (IncidentLevel.parse(level).isEmpty()) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "before", "with sort=level, before is the next of the previous page (<level>:<id>)");
		}
		return new IncidentQuery.Cursor(nonNullId(text.substring(colon + 1)), level);
	}

	private static UUID nonNullId(String text) {
		UUID id = id("before", text);
		if (id == null) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "before", "before must be the next of the previous page");
		}
		return id;
	}

	/**
	 * A search text, trimmed: matched in the title, description, source reference, sensor id and source kind
	 * (case-insensitive, anywhere), as the start of an id, and against the names (Chinese and English) of counties
	 * and cities and their codes.
	 */
	static IncidentQuery.@Nullable Text text(@Nullable String q) {
		if (q == null || q.isBlank()) {
			return null;
		}
		String text = q.strip();
		if (text.length() > MAX_TEXT) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "q", "q must be at most " + MAX_TEXT + " characters");
		}
		String lower = text.toLowerCase(java.util.Locale.ROOT);
		String escaped = lower.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		java.util.List<String> counties = new java.util.ArrayList<>();
		java.util.List<String> cities = new java.util.ArrayList<>();
		for (Areas.City city : Areas.cities()) {
			if (named(lower, city.code(), city.nameZh(), city.nameEn())) {
				cities.add(city.code());
			}
			for (Areas.County county : city.counties()) {
				if (named(lower, county.code(), county.nameZh(), county.nameEn())) {
					counties.add(county.code());
				}
			}
		}
		return new IncidentQuery.Text("%" + escaped + "%", escaped, counties, cities);
	}

	private static boolean named(String lower, String code, String nameZh, String nameEn) {
		return code.equals(lower) || nameZh.contains(lower) || nameEn.toLowerCase(java.util.Locale.ROOT).contains(lower);
	}

	/** The city a principal asks about: its own when city-scoped (another one refused), else as given (checked). */
	public static @Nullable String city(HubPrincipal principal, @Nullable String requested) {
		String own = principal.cityCode();
		if (own != null) {
			if (requested != null && !requested.equals(own)) {
				throw new HubException(ErrorCode.CITY_SCOPE_VIOLATION, "A principal of city " + own + " sees only its own city's incidents");
			}
			return own;
		}
		if (requested != null && !Areas.isCity(requested)) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "city", requested + " is not a city platform code");
		}
		return requested;
	}

	public static @Nullable Instant time(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return Fields.time(field, text);
	}

	public static @Nullable Boolean bool(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (text.equals("true") || text.equals("false")) {
			return Boolean.valueOf(text);
		}
		throw HubException.field(ErrorCode.INVALID_FIELD, field, field + " must be true or false");
	}

	public static int size(@Nullable String text, int defaultSize, int max) {
		if (text == null || text.isBlank()) {
			return defaultSize;
		}
		try {
			int size = Integer.parseInt(text);
			if (size >= 1 && size <= max) {
				return size;
			}
		}
		catch (NumberFormatException ex) {
			// refused below like any other out-of-range value
		}
		throw HubException.field(ErrorCode.INVALID_FIELD, "size", "size must be 1 to " + max);
	}

	static @Nullable UUID id(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw HubException.field(ErrorCode.INVALID_FIELD, field, field + " must be an incident id (UUID)");
		}
	}

	static long after(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return 0;
		}
		try {
			long after = Long.parseLong(text);
			if (after >= 0) {
				return after;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw HubException.field(ErrorCode.INVALID_FIELD, "after", "after must be a sequence number, 0 or more");
	}

}
