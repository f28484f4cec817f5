package cn.fj.emergency.command.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The committed schema (docs/schemas/plan.schema.json) and the hub's own checks agree: the shipped plans and their
 * canonical form are valid under both, and files broken in the ways below are refused by both. The hub checks in code
 * (no JSON Schema validator is on the class path); {@link MiniSchema} reads the keywords the schema uses.
 */
class PlanSchemaTest {

	static final JsonNode SCHEMA = read(Path.of("..", "docs", "schemas", "plan.schema.json"));

	@Test
	void theShippedPlansAndTheirCanonicalFormsAreValidUnderTheSchema() {
		for (String id : ManagingPlans.SHIPPED) {
			byte[] file = Plans.shipped(id);
			assertThat(new MiniSchema(SCHEMA).errors(Plans.JSON.readTree(file))).as(id).isEmpty();
			String canonical = PlanFile.write(PlanFile.read(file).withVersion(7));
			assertThat(new MiniSchema(SCHEMA).errors(Plans.JSON.readTree(canonical))).as(id + " canonical").isEmpty();
		}
	}

	@Test
	void filesTheHubRefusesTheSchemaRefusesToo() {
		List<java.util.function.Consumer<ObjectNode>> breakages = List.of(
				t -> t.remove("parties"),
				t -> t.put("format", "fj-emergency-plan/2"),
				t -> t.put("id", "Typhoon Plan"),
				t -> t.put("version", 0),
				t -> ((ObjectNode) t.get("title")).remove("en"),
				t -> ((ObjectNode) t.get("levels").get("IV").get(0)).put("deadline", "2h"),
				t -> ((ObjectNode) t.get("levels").get("IV").get(0)).put("deadline", "PT0.5H"),
				t -> ((ObjectNode) t.get("levels").get("IV").get(0)).put("requiresAcknowledgement", "yes"),
				t -> ((ObjectNode) t.get("levels")).putArray("V"),
				t -> ((ObjectNode) t.get("parties").get(0)).put("code", "FJ-X"),
				t -> ((ObjectNode) t.get("parties").get(1)).remove("code"),
				t -> ((ObjectNode) t.get("parties").get(1)).put("kind", "AGENCY"),
				t -> ((ObjectNode) t.get("conditions").get(0)).putArray("when"),
				t -> ((ObjectNode) t.get("conditions").get(0).get("when").get(0)).putObject("rainfall"),
				t -> ((ObjectNode) t.get("conditions").get(0).get("when").get(0).get("warningInForce")).put("cities", "INLAND"),
				t -> ((ObjectNode) t.get("conditions").get(0)).put("level", "V"),
				t -> t.put("extra", 1));
		for (int i = 0; i < breakages.size(); i++) {
			ObjectNode tree = Plans.tree(Plans.shipped("fj-typhoon"));
			breakages.get(i).accept(tree);
			assertThat(new MiniSchema(SCHEMA).errors(tree)).as("schema, breakage " + i).isNotEmpty();
			ObjectNode copy = tree;
			assertThat(catchThrowableOfType(PlanFile.PlanInvalid.class, () -> PlanFile.read(Plans.bytes(copy))))
				.as("hub, breakage " + i)
				.isNotNull();
		}
	}

	static JsonNode read(Path path) {
		try {
			return Plans.JSON.readTree(Files.readAllBytes(path));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** The JSON Schema 2020-12 keywords plan.schema.json uses, and no more. */
	static final class MiniSchema {

		private final JsonNode root;

		private final List<String> errors = new ArrayList<>();

		MiniSchema(JsonNode root) {
			this.root = root;
		}

		List<String> errors(JsonNode instance) {
			check(this.root, instance, "");
			return this.errors;
		}

		private boolean valid(JsonNode schema, JsonNode instance) {
			MiniSchema sub = new MiniSchema(this.root);
			sub.check(schema, instance, "");
			return sub.errors.isEmpty();
		}

		private void check(JsonNode schema, JsonNode instance, String path) {
			if (schema.has("$ref")) {
				String ref = schema.get("$ref").stringValue();
				assertThat(ref).startsWith("#/$defs/");
				check(this.root.get("$defs").get(ref.substring("#/$defs/".length())), instance, path);
			}
			if (schema.has("type") && !hasType(instance, schema.get("type").stringValue())) {
				fail(path, "not of type " + schema.get("type").stringValue());
				return;
			}
			if (schema.has("const") && !schema.get("const").equals(instance)) {
				fail(path, "not " + schema.get("const"));
			}
			if (schema.has("enum")) {
				boolean found = false;
				for (JsonNode value : schema.get("enum")) {
					found |= value.equals(instance);
				}
				if (!found) {
					fail(path, "not in the enumeration");
				}
			}
			if (instance.isString()) {
				String text = instance.stringValue();
				if (schema.has("minLength") && text.codePointCount(0, text.length()) < schema.get("minLength").intValue()) {
					fail(path, "too short");
				}
				if (schema.has("maxLength") && text.codePointCount(0, text.length()) > schema.get("maxLength").intValue()) {
					fail(path, "too long");
				}
				if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").stringValue()).matcher(text).find()) {
					fail(path, "does not match " + schema.get("pattern").stringValue());
				}
			}
			if (instance.isNumber() && schema.has("minimum") && instance.doubleValue() < schema.get("minimum").doubleValue()) {
				fail(path, "below the minimum");
			}
			if (instance.isObject()) {
				if (schema.has("required")) {
					for (JsonNode name : schema.get("required")) {
						if (!instance.has(name.stringValue())) {
							fail(path, "missing " + name.stringValue());
						}
					}
				}
				JsonNode properties = schema.get("properties");
				for (String name : instance.propertyNames()) {
					if (properties != null && properties.has(name)) {
						check(properties.get(name), instance.get(name), path + "/" + name);
					}
					else if (schema.has("additionalProperties") && !schema.get("additionalProperties").booleanValue()) {
						fail(path + "/" + name, "not allowed");
					}
				}
			}
			if (instance.isArray()) {
				if (schema.has("minItems") && instance.size() < schema.get("minItems").intValue()) {
					fail(path, "too few items");
				}
				if (schema.has("uniqueItems") && schema.get("uniqueItems").booleanValue()) {
					Set<JsonNode> seen = new HashSet<>();
					for (JsonNode item : instance) {
						if (!seen.add(item)) {
							fail(path, "items not unique");
						}
					}
				}
				if (schema.has("items")) {
					for (int i = 0; i < instance.size(); i++) {
						check(schema.get("items"), instance.get(i), path + "/" + i);
					}
				}
			}
			if (schema.has("allOf")) {
				for (JsonNode sub : schema.get("allOf")) {
					check(sub, instance, path);
				}
			}
			if (schema.has("oneOf")) {
				int passing = 0;
				for (JsonNode sub : schema.get("oneOf")) {
					passing += valid(sub, instance) ? 1 : 0;
				}
				if (passing != 1) {
					fail(path, passing + " of oneOf hold");
				}
			}
			if (schema.has("not") && valid(schema.get("not"), instance)) {
				fail(path, "matches not");
			}
			if (schema.has("if") && valid(schema.get("if"), instance) && schema.has("then")) {
				check(schema.get("then"), instance, path);
			}
		}

		private static boolean hasType(JsonNode instance, String type) {
			return switch (type) {
				case "object" -> instance.isObject();
				case "array" -> instance.isArray();
				case "string" -> instance.isString();
				case "integer" -> instance.isIntegralNumber();
				case "boolean" -> instance.isBoolean();
				default -> throw new IllegalArgumentException("type " + type + " is not used by the plan schema");
			};
		}

		private void fail(String path, String message) {
			this.errors.add(path + ": " + message);
		}

	}

}
