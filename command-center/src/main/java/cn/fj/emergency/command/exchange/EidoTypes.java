package cn.fj.emergency.command.exchange;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The mapping between EIDO incident types and GB/T 35561 sub-categories (docs/eido.md keeps the same table). On
 * import: our own marker {@code GB/T 35561:<code>} in {@code incidentTypeInternalCode} first, then the first
 * keyword row whose keyword occurs in the type's registry text, then in its internal text; else the default. On
 * export: the sub-category's registry text of the first table below, and the marker.
 */
final class EidoTypes {

	static final String MARKER = "GB/T 35561:";

	private static final Pattern MARKED = Pattern.compile("GB/?T ?35561:(\\d{2})", Pattern.CASE_INSENSITIVE);

	/** Keywords (upper case, matched as substrings of the upper-cased text) to sub-categories; the first hit wins. */
	static final List<Map.Entry<String, String>> KEYWORDS = List.of(
			Map.entry("TSUNAMI", "15"), Map.entry("STORM SURGE", "15"), Map.entry("MARINE", "15"),
			Map.entry("FLOOD", "11"), Map.entry("DROUGHT", "11"),
			Map.entry("TYPHOON", "12"), Map.entry("HURRICANE", "12"), Map.entry("TORNADO", "12"),
			Map.entry("SEVERE WEATHER", "12"), Map.entry("WEATHER", "12"), Map.entry("LIGHTNING", "12"),
			Map.entry("EARTHQUAKE", "13"), Map.entry("LANDSLIDE", "14"), Map.entry("MUDSLIDE", "14"),
			Map.entry("SINKHOLE", "14"), Map.entry("GEOLOGICAL", "14"),
			Map.entry("BIOLOGICAL DISASTER", "16"), Map.entry("LOCUST", "16"),
			Map.entry("WILDFIRE", "17"), Map.entry("WILDLAND", "17"), Map.entry("FOREST FIRE", "17"),
			Map.entry("BRUSH FIRE", "17"), Map.entry("GRASS FIRE", "17"),
			Map.entry("TRAFFIC", "22"), Map.entry("VEHICLE", "22"), Map.entry("CRASH", "22"), Map.entry("COLLISION", "22"),
			Map.entry("AIRCRAFT", "22"), Map.entry("DERAIL", "22"), Map.entry("VESSEL", "22"), Map.entry("MVA", "22"),
			Map.entry("RADIOLOGICAL", "24"), Map.entry("RADIATION", "24"), Map.entry("NUCLEAR", "24"),
			Map.entry("HAZMAT", "25"), Map.entry("HAZARDOUS", "25"), Map.entry("CHEMICAL", "25"), Map.entry("SPILL", "25"),
			Map.entry("POLLUTION", "25"),
			Map.entry("UTILITY", "23"), Map.entry("POWER OUTAGE", "23"), Map.entry("GAS LEAK", "23"),
			Map.entry("ELEVATOR", "23"), Map.entry("BRIDGE", "23"), Map.entry("STRUCTURE COLLAPSE", "23"),
			Map.entry("INDUSTRIAL", "21"), Map.entry("MINING", "21"), Map.entry("EXPLOSION", "21"), Map.entry("FIRE", "21"),
			Map.entry("ANIMAL", "34"), Map.entry("INFECTIOUS", "31"), Map.entry("OUTBREAK", "31"), Map.entry("EPIDEMIC", "31"),
			Map.entry("PANDEMIC", "31"), Map.entry("UNKNOWN ILLNESS", "32"), Map.entry("ILLNESS OF UNKNOWN", "32"),
			Map.entry("FOOD", "33"), Map.entry("POISONING", "33"), Map.entry("OCCUPATIONAL", "33"),
			Map.entry("PUBLIC HEALTH", "35"), Map.entry("MEDICAL", "35"),
			Map.entry("TERROR", "41"), Map.entry("BOMB", "41"), Map.entry("ACTIVE SHOOTER", "41"),
			Map.entry("ECONOMIC", "42"), Map.entry("FOREIGN", "43"),
			Map.entry("CIVIL UNREST", "44"), Map.entry("RIOT", "44"), Map.entry("DISTURBANCE", "44"),
			Map.entry("PROTEST", "44"), Map.entry("CROWD", "44"), Map.entry("UNREST", "44"));

	/** What our exports write as {@code incidentTypeCommonRegistryText}; each maps back through {@link #KEYWORDS}. */
	static final Map<String, String> REGISTRY_TEXT = Map.ofEntries(Map.entry("11", "Flood"),
			Map.entry("12", "Severe Weather"), Map.entry("13", "Earthquake"), Map.entry("14", "Landslide"),
			Map.entry("15", "Marine Hazard"), Map.entry("16", "Biological Disaster"), Map.entry("17", "Wildfire"),
			Map.entry("21", "Industrial Accident"), Map.entry("22", "Traffic Accident"),
			Map.entry("23", "Utility Failure"), Map.entry("24", "Radiological Incident"),
			Map.entry("25", "Hazmat Release"), Map.entry("31", "Infectious Disease Outbreak"),
			Map.entry("32", "Illness Of Unknown Cause"), Map.entry("33", "Food Poisoning"),
			Map.entry("34", "Animal Disease"), Map.entry("35", "Public Health Threat"), Map.entry("41", "Terrorism"),
			Map.entry("42", "Economic Security"), Map.entry("43", "Foreign-Related Incident"),
			Map.entry("44", "Civil Unrest"));

	private EidoTypes() {
	}

	/** Our marker's sub-category, if the internal code carries one. */
	static Optional<String> marked(@Nullable String internalCode) {
		if (internalCode == null) {
			return Optional.empty();
		}
		Matcher matcher = MARKED.matcher(internalCode);
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	/** The first keyword row that occurs in the text. */
	static Optional<String> byKeyword(@Nullable String text) {
		if (text == null) {
			return Optional.empty();
		}
		String upper = text.toUpperCase(Locale.ROOT);
		for (Map.Entry<String, String> row : KEYWORDS) {
			if (upper.contains(row.getKey())) {
				return Optional.of(row.getValue());
			}
		}
		return Optional.empty();
	}

	static String registryText(String category) {
		return REGISTRY_TEXT.getOrDefault(category, "Other");
	}

}
