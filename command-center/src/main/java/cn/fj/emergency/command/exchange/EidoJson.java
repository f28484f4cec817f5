package cn.fj.emergency.command.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reading EIDO JSON as NENA's own samples write it: field names in any case ({@code LastUpdateTimeStamp} and
 * {@code lastUpdateTimeStamp} are the same field), components as one object or as an array of them.
 */
final class EidoJson {

	private EidoJson() {
	}

	/** The field of that name in any letter case, or null. */
	static @Nullable JsonNode field(@Nullable JsonNode object, String name) {
		if (object == null || !object.isObject()) {
			return null;
		}
		for (Map.Entry<String, JsonNode> entry : object.properties()) {
			if (entry.getKey().equalsIgnoreCase(name)) {
				return entry.getValue();
			}
		}
		return null;
	}

	/** The first of the names present, in any case. */
	static @Nullable JsonNode anyField(@Nullable JsonNode object, String... names) {
		for (String name : names) {
			JsonNode value = field(object, name);
			if (value != null && !value.isNull()) {
				return value;
			}
		}
		return null;
	}

	/** A non-blank string field, stripped, or null. */
	static @Nullable String text(@Nullable JsonNode object, String name) {
		JsonNode value = field(object, name);
		if (value == null || !value.isString() || value.stringValue().isBlank()) {
			return null;
		}
		return value.stringValue().strip();
	}

	/** The strings of a field that holds one string or an array of them. */
	static List<String> texts(@Nullable JsonNode object, String name) {
		List<String> texts = new ArrayList<>();
		for (JsonNode item : items(field(object, name))) {
			if (item.isString() && !item.stringValue().isBlank()) {
				texts.add(item.stringValue().strip());
			}
		}
		return texts;
	}

	/** The objects of a component: an array's objects, or the one object. */
	static List<JsonNode> items(@Nullable JsonNode value) {
		List<JsonNode> items = new ArrayList<>();
		if (value == null || value.isNull()) {
			return items;
		}
		if (value.isArray()) {
			value.values().forEach(items::add);
		}
		else {
			items.add(value);
		}
		return items;
	}

	/** The {@code $ref}s of a reference field (one reference or an array). */
	static List<String> refs(@Nullable JsonNode object, String name) {
		List<String> refs = new ArrayList<>();
		for (JsonNode ref : items(field(object, name))) {
			String target = text(ref, "$ref");
			if (target != null) {
				refs.add(target);
			}
		}
		return refs;
	}

}
