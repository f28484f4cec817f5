package cn.fj.emergency.command.plan;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.incident.IncidentCategory;
import cn.fj.emergency.command.incident.IncidentLevel;
import cn.fj.emergency.command.plan.Plan.Action;
import cn.fj.emergency.command.plan.Plan.CitySelection;
import cn.fj.emergency.command.plan.Plan.Clause;
import cn.fj.emergency.command.plan.Plan.Condition;
import cn.fj.emergency.command.plan.Plan.Incidents;
import cn.fj.emergency.command.plan.Plan.Party;
import cn.fj.emergency.command.plan.Plan.PartyKind;
import cn.fj.emergency.command.plan.Plan.Text;
import cn.fj.emergency.command.plan.Plan.WarningInForce;

/**
 * The plan file format (docs/plans.md, docs/schemas/plan.schema.json): reading a file into a {@link Plan} with every
 * problem found, each at its JSON Pointer, and writing a plan in its one canonical form (the form the hub stores and
 * exports, byte for byte the same each time it is read).
 */
public final class PlanFile {

	/** The identifier of the format, written first in every canonical file. */
	public static final String FORMAT = "fj-emergency-plan/1";

	public static final int MAX_BYTES = 512 * 1024;

	static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

	static final Pattern DEPARTMENT_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");

	static final int MAX_TEXT = 2000;

	/** Days, hours, minutes, whole seconds: the durations a deadline may be (as the schema says). */
	static final Pattern DEADLINE = Pattern.compile("P(?!$)([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+S)?)?");

	static final Set<String> SEVERITIES = Set.of("Extreme", "Severe", "Moderate", "Minor", "Unknown");

	static final Set<String> COLOURS = Set.of("red", "orange", "yellow", "blue");

	private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:Object )?(?:property|field) \"(.*)\"");

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.build();

	private PlanFile() {
	}

	/** The plan in the file, or {@link PlanInvalid} naming every problem. */
	public static Plan read(byte[] file) {
		if (file.length > MAX_BYTES) {
			throw new PlanInvalid(List.of(new PlanProblem("", "the file is larger than " + MAX_BYTES + " bytes")));
		}
		JsonNode root;
		try {
			root = JSON.readTree(file);
		}
		catch (JacksonException ex) {
			// in the writer's terms, not the parser's: what is wrong and where
			String where = ex.getLocation() == null || ex.getLocation().getLineNr() < 1 ? ""
					: " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")";
			Matcher duplicate = DUPLICATE.matcher(String.valueOf(ex.getOriginalMessage()));
			String message = duplicate.find() ? "member " + duplicate.group(1) + " appears more than once in one object"
					: "not well-formed JSON";
			throw new PlanInvalid(List.of(new PlanProblem("", message + where)));
		}
		Reader reader = new Reader();
		Plan plan = reader.plan(root);
		if (!reader.problems.isEmpty() || plan == null) {
			throw new PlanInvalid(reader.problems);
		}
		return plan;
	}

	public static Plan read(String file) {
		return read(file.getBytes(StandardCharsets.UTF_8));
	}

	/** The canonical file of the plan: UTF-8 JSON, members in the documented order, two-space indent, final newline. */
	public static String write(Plan plan) {
		ObjectNode root = JSON.createObjectNode();
		root.put("format", FORMAT);
		root.put("id", plan.id());
		root.put("version", plan.version());
		root.set("title", text(plan.title()));
		root.put("category", plan.category());
		ArrayNode parties = root.putArray("parties");
		for (Party party : plan.parties()) {
			ObjectNode p = parties.addObject();
			p.put("id", party.id());
			p.put("kind", party.kind().name());
			if (party.code() != null) {
				p.put("code", party.code());
			}
			p.set("name", text(party.name()));
			if (party.selection() != null) {
				if (party.selection() == CitySelection.NAMED) {
					ArrayNode cities = p.putArray("cities");
					party.cities().forEach(cities::add);
				}
				else {
					p.put("cities", party.selection().name());
				}
			}
		}
		ObjectNode levels = root.putObject("levels");
		for (ResponseLevel level : new ResponseLevel[] { ResponseLevel.IV, ResponseLevel.III, ResponseLevel.II,
				ResponseLevel.I }) {
			ArrayNode actions = levels.putArray(level.name());
			for (Action action : plan.actions(level)) {
				ObjectNode a = actions.addObject();
				a.put("id", action.id());
				a.put("party", action.party());
				a.set("text", text(action.text()));
				a.put("deadline", action.deadline().toString());
				a.put("requiresAcknowledgement", action.requiresAcknowledgement());
			}
		}
		ArrayNode conditions = root.putArray("conditions");
		for (Condition condition : plan.conditions()) {
			ObjectNode c = conditions.addObject();
			c.put("level", condition.level().name());
			ArrayNode when = c.putArray("when");
			for (Clause clause : condition.when()) {
				ObjectNode w = when.addObject();
				if (clause instanceof WarningInForce warning) {
					ObjectNode body = w.putObject("warningInForce");
					if (warning.event() != null) {
						body.put("event", warning.event());
					}
					strings(body, "severities", warning.severities());
					strings(body, "colours", warning.colours());
					cities(body, warning.cities(), warning.coastal());
				}
				else if (clause instanceof Incidents incidents) {
					ObjectNode body = w.putObject("incidents");
					body.put("category", incidents.category());
					strings(body, "levels", incidents.levels());
					cities(body, incidents.cities(), incidents.coastal());
					body.put("atLeast", incidents.atLeast());
				}
			}
			c.set("reason", text(condition.reason()));
		}
		return JSON.writeValueAsString(root).replace("\r\n", "\n") + "\n";
	}

	private static ObjectNode text(Text text) {
		ObjectNode node = JSON.createObjectNode();
		node.put("zh-CN", text.zh());
		node.put("en", text.en());
		return node;
	}

	private static void strings(ObjectNode node, String name, List<String> values) {
		if (!values.isEmpty()) {
			ArrayNode array = node.putArray(name);
			values.forEach(array::add);
		}
	}

	private static void cities(ObjectNode node, List<String> cities, boolean coastal) {
		if (coastal) {
			node.put("cities", "COASTAL");
		}
		else {
			strings(node, "cities", cities);
		}
	}

	/** A file that is not a valid plan, with every problem found. */
	public static final class PlanInvalid extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient List<PlanProblem> problems;

		PlanInvalid(List<PlanProblem> problems) {
			super(problems.size() + " problem(s) in the plan file, first at '" + problems.get(0).path() + "': "
					+ problems.get(0).message());
			this.problems = List.copyOf(problems);
		}

		public List<PlanProblem> problems() {
			return this.problems;
		}

	}

	/** Collects problems while reading; answers null for what could not be read. */
	private static final class Reader {

		final List<PlanProblem> problems = new ArrayList<>();

		final Set<String> partyIds = new HashSet<>();

		final Set<String> actionIds = new HashSet<>();

		@Nullable Plan plan(JsonNode root) {
			if (!root.isObject()) {
				problem("", "a plan file is one JSON object");
				return null;
			}
			members(root, "", Set.of("$schema", "format", "id", "version", "title", "category", "parties", "levels",
					"conditions"));
			String format = string(root, "", "format", true);
			if (format != null && !FORMAT.equals(format)) {
				problem("/format", "the format is " + FORMAT + ", not " + format);
			}
			JsonNode schema = root.get("$schema");
			if (schema != null && !schema.isString()) {
				problem("/$schema", "a text (the schema's address) if given");
			}
			String id = string(root, "", "id", true);
			if (id != null && !ID.matcher(id).matches()) {
				problem("/id", "lower-case letters, digits and '-', 2 to 64, e.g. fj-typhoon");
			}
			int version = 0;
			JsonNode v = root.get("version");
			if (v != null) {
				if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 1) {
					problem("/version", "a whole number from 1 (the version this file was edited from)");
				}
				else {
					version = v.intValue();
				}
			}
			Text title = text(root, "", "title");
			String category = string(root, "", "category", true);
			if (category != null && IncidentCategory.known(category).filter(c -> c.code().length() > 1).isEmpty()) {
				problem("/category", "a GB/T 35561 sub-category or kind the hub knows (e.g. 1201 typhoon, 1101 flood), not "
						+ category);
			}
			List<Party> parties = parties(root);
			Map<ResponseLevel, List<Action>> levels = levels(root);
			List<Condition> conditions = conditions(root);
			if (!this.problems.isEmpty() || id == null || title == null || category == null) {
				return null;
			}
			return new Plan(id, version, title, category, parties, levels, conditions);
		}

		private List<Party> parties(JsonNode root) {
			List<Party> parties = new ArrayList<>();
			JsonNode array = array(root, "", "parties", true);
			if (array == null) {
				return parties;
			}
			if (array.isEmpty()) {
				problem("/parties", "at least one party");
			}
			for (int i = 0; i < array.size(); i++) {
				String path = "/parties/" + i;
				JsonNode node = array.get(i);
				if (!object(node, path)) {
					continue;
				}
				members(node, path, Set.of("id", "kind", "code", "name", "cities"));
				String id = string(node, path, "id", true);
				if (id != null) {
					if (!ID.matcher(id).matches()) {
						problem(path + "/id", "lower-case letters, digits and '-', 2 to 64");
					}
					else if (!this.partyIds.add(id)) {
						problem(path + "/id", "party " + id + " is declared twice");
					}
				}
				String kindText = string(node, path, "kind", true);
				PartyKind kind = null;
				if (kindText != null) {
					try {
						kind = PartyKind.valueOf(kindText);
					}
					catch (IllegalArgumentException ex) {
						problem(path + "/kind", "DEPARTMENT, CITIES or CENTRE, not " + kindText);
					}
				}
				Text name = text(node, path, "name");
				String code = string(node, path, "code", kind == PartyKind.DEPARTMENT);
				if (code != null && kind != PartyKind.DEPARTMENT) {
					problem(path + "/code", "only a DEPARTMENT has a code");
				}
				else if (code != null && !DEPARTMENT_CODE.matcher(code).matches()) {
					problem(path + "/code", "upper-case letters, digits and '-', 2 to 32, e.g. FJ-SL");
				}
				CitySelection selection = null;
				List<String> cities = List.of();
				JsonNode c = node.get("cities");
				if (kind == PartyKind.CITIES) {
					if (c == null) {
						problem(path, "a CITIES party needs cities: CONCERNED, COASTAL or a list of city codes");
					}
					else if (c.isString()) {
						if ("CONCERNED".equals(c.stringValue()) || "COASTAL".equals(c.stringValue())) {
							selection = CitySelection.valueOf(c.stringValue());
						}
						else {
							problem(path + "/cities", "CONCERNED, COASTAL or a list of city codes, not " + c.stringValue());
						}
					}
					else {
						cities = cityCodes(node, path, "cities");
						selection = CitySelection.NAMED;
						if (cities.isEmpty() && c.isArray()) {
							problem(path + "/cities", "at least one city code");
						}
					}
				}
				else if (c != null) {
					problem(path + "/cities", "only a CITIES party has cities");
				}
				if (id != null && kind != null && name != null) {
					parties.add(new Party(id, kind, code, name, selection, cities));
				}
			}
			return parties;
		}

		private Map<ResponseLevel, List<Action>> levels(JsonNode root) {
			Map<ResponseLevel, List<Action>> levels = new EnumMap<>(ResponseLevel.class);
			JsonNode node = root.get("levels");
			if (node == null) {
				problem("", "levels is required");
				return levels;
			}
			if (!object(node, "/levels")) {
				return levels;
			}
			members(node, "/levels", Set.of("IV", "III", "II", "I"));
			int total = 0;
			for (ResponseLevel level : ResponseLevel.values()) {
				JsonNode array = array(node, "/levels", level.name(), false);
				List<Action> actions = new ArrayList<>();
				if (array != null) {
					for (int i = 0; i < array.size(); i++) {
						Action action = action(array.get(i), "/levels/" + level.name() + "/" + i);
						if (action != null) {
							actions.add(action);
						}
					}
					total += array.size();
				}
				levels.put(level, List.copyOf(actions));
			}
			if (total == 0) {
				problem("/levels", "at least one action at one level");
			}
			return levels;
		}

		private @Nullable Action action(JsonNode node, String path) {
			if (!object(node, path)) {
				return null;
			}
			members(node, path, Set.of("id", "party", "text", "deadline", "requiresAcknowledgement"));
			String id = string(node, path, "id", true);
			if (id != null) {
				if (!ID.matcher(id).matches()) {
					problem(path + "/id", "lower-case letters, digits and '-', 2 to 64");
				}
				else if (!this.actionIds.add(id)) {
					problem(path + "/id", "action " + id + " appears twice; an action belongs to one level only");
				}
			}
			String party = string(node, path, "party", true);
			if (party != null && !this.partyIds.contains(party)) {
				problem(path + "/party", "no party " + party + " is declared in /parties");
			}
			Text text = text(node, path, "text");
			String deadlineText = string(node, path, "deadline", true);
			Duration deadline = null;
			if (deadlineText != null) {
				try {
					if (!DEADLINE.matcher(deadlineText).matches()) {
						throw new DateTimeParseException("not days, hours, minutes and seconds", deadlineText, 0);
					}
					deadline = Duration.parse(deadlineText);
					if (deadline.isNegative() || deadline.isZero() || deadline.compareTo(Duration.ofDays(30)) > 0) {
						problem(path + "/deadline", "more than nothing and at most 30 days (P30D)");
						deadline = null;
					}
				}
				catch (DateTimeParseException ex) {
					problem(path + "/deadline", "an ISO-8601 duration such as PT2H or PT30M or P1D, not " + deadlineText);
				}
			}
			boolean ack = false;
			JsonNode a = node.get("requiresAcknowledgement");
			if (a != null) {
				if (!a.isBoolean()) {
					problem(path + "/requiresAcknowledgement", "true or false");
				}
				else {
					ack = a.booleanValue();
				}
			}
			if (id == null || party == null || text == null || deadline == null) {
				return null;
			}
			return new Action(id, party, text, deadline, ack);
		}

		private List<Condition> conditions(JsonNode root) {
			List<Condition> conditions = new ArrayList<>();
			JsonNode array = array(root, "", "conditions", false);
			if (array == null) {
				return conditions;
			}
			for (int i = 0; i < array.size(); i++) {
				String path = "/conditions/" + i;
				JsonNode node = array.get(i);
				if (!object(node, path)) {
					continue;
				}
				members(node, path, Set.of("level", "when", "reason"));
				String levelText = string(node, path, "level", true);
				ResponseLevel level = levelText == null ? null : ResponseLevel.parse(levelText).orElse(null);
				if (levelText != null && level == null) {
					problem(path + "/level", "IV, III, II or I, not " + levelText);
				}
				List<Clause> clauses = new ArrayList<>();
				JsonNode when = array(node, path, "when", true);
				if (when != null) {
					if (when.isEmpty()) {
						problem(path + "/when", "at least one clause");
					}
					for (int j = 0; j < when.size(); j++) {
						Clause clause = clause(when.get(j), path + "/when/" + j);
						if (clause != null) {
							clauses.add(clause);
						}
					}
				}
				Text reason = text(node, path, "reason");
				if (level != null && reason != null && when != null && clauses.size() == when.size() && !clauses.isEmpty()) {
					conditions.add(new Condition(level, clauses, reason));
				}
			}
			return conditions;
		}

		private @Nullable Clause clause(JsonNode node, String path) {
			if (!object(node, path)) {
				return null;
			}
			if (node.size() != 1) {
				problem(path, "a clause is an object with exactly one member: warningInForce or incidents");
				return null;
			}
			String kind = node.propertyNames().iterator().next();
			JsonNode body = node.get(kind);
			String at = path + "/" + kind;
			if (!object(body, at)) {
				return null;
			}
			switch (kind) {
				case "warningInForce" -> {
					members(body, at, Set.of("event", "severities", "colours", "cities"));
					String event = string(body, at, "event", false);
					List<String> severities = strings(body, at, "severities", SEVERITIES);
					List<String> colours = strings(body, at, "colours", COLOURS);
					boolean coastal = coastal(body);
					List<String> cities = coastal ? List.of() : cityCodes(body, at, "cities");
					return new WarningInForce(event, severities, colours, cities, coastal);
				}
				case "incidents" -> {
					members(body, at, Set.of("category", "levels", "cities", "atLeast"));
					String category = string(body, at, "category", true);
					if (category != null && IncidentCategory.known(category).isEmpty()) {
						problem(at + "/category", "a GB/T 35561 code the hub knows, not " + category);
					}
					List<String> levels = strings(body, at, "levels", Set.of("I", "II", "III", "IV"));
					boolean coastal = coastal(body);
					List<String> cities = coastal ? List.of() : cityCodes(body, at, "cities");
					int atLeast = 1;
					JsonNode n = body.get("atLeast");
					if (n != null) {
						if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 1) {
							problem(at + "/atLeast", "a whole number from 1");
						}
						else {
							atLeast = n.intValue();
						}
					}
					return category == null ? null : new Incidents(category, levels, cities, coastal, atLeast);
				}
				default -> {
					problem(path + "/" + kind, "unknown clause " + kind + "; the clauses are warningInForce and incidents");
					return null;
				}
			}
		}

		private boolean coastal(JsonNode body) {
			JsonNode c = body.get("cities");
			return c != null && c.isString() && "COASTAL".equals(c.stringValue());
		}

		private List<String> cityCodes(JsonNode node, String path, String name) {
			JsonNode c = node.get(name);
			if (c == null) {
				return List.of();
			}
			if (!c.isArray()) {
				problem(path + "/" + name, "a list of city codes (GB/T 2260, e.g. 350100)"
						+ ("cities".equals(name) ? " or COASTAL" : ""));
				return List.of();
			}
			List<String> codes = new ArrayList<>();
			for (int i = 0; i < c.size(); i++) {
				JsonNode code = c.get(i);
				if (!code.isString() || !Areas.isCity(code.stringValue())) {
					problem(path + "/" + name + "/" + i, "not a city platform of the province: " + code);
				}
				else if (codes.contains(code.stringValue())) {
					problem(path + "/" + name + "/" + i, "city " + code.stringValue() + " is named twice");
				}
				else {
					codes.add(code.stringValue());
				}
			}
			return List.copyOf(codes);
		}

		private List<String> strings(JsonNode node, String path, String name, Set<String> allowed) {
			JsonNode c = node.get(name);
			if (c == null) {
				return List.of();
			}
			if (!c.isArray()) {
				problem(path + "/" + name, "a list, of " + String.join(", ", allowed.stream().sorted().toList()));
				return List.of();
			}
			List<String> values = new ArrayList<>();
			for (int i = 0; i < c.size(); i++) {
				JsonNode value = c.get(i);
				if (!value.isString() || !allowed.contains(value.stringValue())) {
					problem(path + "/" + name + "/" + i,
							"one of " + String.join(", ", allowed.stream().sorted().toList()) + ", not " + value);
				}
				else if (!values.contains(value.stringValue())) {
					values.add(value.stringValue());
				}
			}
			return List.copyOf(values);
		}

		private @Nullable Text text(JsonNode node, String path, String name) {
			JsonNode t = node.get(name);
			String at = path + "/" + name;
			if (t == null) {
				problem(path, name + " is required");
				return null;
			}
			if (!object(t, at)) {
				return null;
			}
			members(t, at, Set.of("zh-CN", "en"));
			String zh = string(t, at, "zh-CN", true);
			String en = string(t, at, "en", true);
			return zh == null || en == null ? null : new Text(zh, en);
		}

		private @Nullable String string(JsonNode node, String path, String name, boolean required) {
			JsonNode value = node.get(name);
			String at = path + "/" + name;
			if (value == null) {
				if (required) {
					problem(path, name + " is required");
				}
				return null;
			}
			if (!value.isString()) {
				problem(at, "a text");
				return null;
			}
			String text = value.stringValue();
			if (text.isBlank()) {
				problem(at, "must not be blank");
				return null;
			}
			if (text.length() > MAX_TEXT) {
				problem(at, "at most " + MAX_TEXT + " characters");
				return null;
			}
			if (text.indexOf('\u0000') >= 0) {
				problem(at, "must not contain NUL");
				return null;
			}
			return text;
		}

		private @Nullable JsonNode array(JsonNode node, String path, String name, boolean required) {
			JsonNode value = node.get(name);
			if (value == null) {
				if (required) {
					problem(path, name + " is required");
				}
				return null;
			}
			if (!value.isArray()) {
				problem(path + "/" + name, "a list");
				return null;
			}
			return value;
		}

		private boolean object(JsonNode node, String path) {
			if (!node.isObject()) {
				problem(path, "an object");
				return false;
			}
			return true;
		}

		private void members(JsonNode node, String path, Set<String> known) {
			for (String name : node.propertyNames()) {
				if (!known.contains(name)) {
					problem(path + "/" + pointer(name), "unknown member " + name);
				}
			}
		}

		private void problem(String path, String message) {
			this.problems.add(new PlanProblem(path, message));
		}

		private static String pointer(String name) {
			return name.replace("~", "~0").replace("/", "~1");
		}

	}

}
