package cn.fj.emergency.command.drill;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import cn.fj.emergency.command.area.Areas;

/**
 * What is wrong with a scenario, as a list of readable problems naming the place (e.g.
 * {@code phases[2].orders[0].cities: 350700 is not one of the scenario's cities}); empty when it can be played.
 */
public final class ScenarioCheck {

	static final Set<String> COLOURS = Set.of("blue", "yellow", "orange", "red");

	static final Set<String> MSG_TYPES = Set.of("Alert", "Update", "Cancel");

	static final Set<String> WARNING_ACTIONS = Set.of("alert", "update", "cancel");

	static final int MAX_CONSOLES = 16;

	private ScenarioCheck() {
	}

	public static List<String> problems(Scenario scenario) {
		List<String> problems = new ArrayList<>();
		if (blank(scenario.name())) {
			problems.add("name: required");
		}
		if (scenario.consoleCount() < 1 || scenario.consoleCount() > MAX_CONSOLES) {
			problems.add("consoles: must be 1 to " + MAX_CONSOLES);
		}
		Scenario.Thresholds limits = scenario.limits();
		if (limits.reportToConsole() <= 0 || limits.orderAcknowledgement() <= 0 || limits.warningDelivery() <= 0) {
			problems.add("thresholds: must be positive");
		}
		Set<String> cities = checkCities(scenario.cities(), problems);
		checkReportStyle(scenario.reportStyle(), problems);
		if (scenario.phases().isEmpty()) {
			problems.add("phases: at least one phase is required");
		}
		for (int i = 0; i < scenario.phases().size(); i++) {
			checkPhase("phases[" + i + "]", scenario.phases().get(i), cities, problems);
		}
		checkChains(scenario, problems);
		return problems;
	}

	private static Set<String> checkCities(List<Scenario.City> cities, List<String> problems) {
		Set<String> codes = new HashSet<>();
		if (cities.isEmpty()) {
			problems.add("cities: at least one city platform is required");
		}
		for (int i = 0; i < cities.size(); i++) {
			Scenario.City city = cities.get(i);
			String at = "cities[" + i + "]";
			if (city.code() == null || !Areas.isCity(city.code())) {
				problems.add(at + ".code: " + city.code() + " is not a city platform code (docs/areas.md)");
				continue;
			}
			if (!codes.add(city.code())) {
				problems.add(at + ".code: " + city.code() + " appears twice");
			}
			if (city.counties().isEmpty()) {
				problems.add(at + ".counties: at least one county is required");
			}
			for (int j = 0; j < city.counties().size(); j++) {
				checkPlace(at + ".counties[" + j + "]", city.code(), city.counties().get(j), problems);
			}
		}
		return codes;
	}

	private static void checkPlace(String at, String city, Scenario.Place place, List<String> problems) {
		var county = place.code() == null ? null : Areas.county(place.code()).orElse(null);
		if (county == null) {
			problems.add(at + ".code: " + place.code() + " is not a county code");
		}
		else if (!county.cityCode().equals(city)) {
			problems.add(at + ".code: county " + place.code() + " belongs to " + county.cityCode() + ", not " + city);
		}
		if (!Areas.withinProvince(place.latitude(), place.longitude())) {
			problems.add(at + ": the point " + place.latitude() + "," + place.longitude() + " is outside the province");
		}
	}

	private static void checkReportStyle(Scenario.ReportStyle style, List<String> problems) {
		for (String category : style.categoryList()) {
			if (!category.matches("[1-4][0-9]([0-9]{2})?")) {
				problems.add("reports.categories: " + category + " is not a two-digit sub-category or four-digit kind");
			}
		}
		for (String level : style.levelList()) {
			if (!Set.of("I", "II", "III", "IV").contains(level)) {
				problems.add("reports.levels: " + level + " is not I, II, III or IV");
			}
		}
		for (String title : style.titleList()) {
			if (title.isBlank() || title.length() > 150) {
				problems.add("reports.titles: each title 1 to 150 characters");
			}
		}
	}

	private static void checkPhase(String at, Scenario.Phase phase, Set<String> cities, List<String> problems) {
		if (blank(phase.name())) {
			problems.add(at + ".name: required");
		}
		if (phase.length() <= 0) {
			problems.add(at + ".minutes: must be positive");
		}
		for (Map.Entry<String, Scenario.Rate> rate : phase.reports().entrySet()) {
			if (!cities.contains(rate.getKey())) {
				problems.add(at + ".reports." + rate.getKey() + ": not one of the scenario's cities");
			}
			if (rate.getValue().from() < 0 || rate.getValue().to() < 0) {
				problems.add(at + ".reports." + rate.getKey() + ": rates must not be negative");
			}
		}
		for (int i = 0; i < phase.departmentAlerts().size(); i++) {
			checkAlert(at + ".departmentAlerts[" + i + "]", phase.departmentAlerts().get(i), phase, problems);
		}
		for (int i = 0; i < phase.warnings().size(); i++) {
			checkWarning(at + ".warnings[" + i + "]", phase.warnings().get(i), phase, problems);
		}
		for (int i = 0; i < phase.orders().size(); i++) {
			checkOrder(at + ".orders[" + i + "]", phase.orders().get(i), phase, cities, problems);
		}
		for (int i = 0; i < phase.supplyRequests().size(); i++) {
			checkSupplyRequest(at + ".supplyRequests[" + i + "]", phase.supplyRequests().get(i), phase, cities, problems);
		}
	}

	private static void checkAt(String at, @Nullable Double minute, Scenario.Phase phase, List<String> problems) {
		if (minute == null || minute < 0 || minute > phase.length()) {
			problems.add(at + ".at: must be a minute within the phase (0 to " + phase.length() + ")");
		}
	}

	private static void checkAlert(String at, Scenario.DepartmentAlert alert, Scenario.Phase phase, List<String> problems) {
		checkAt(at, alert.at(), phase, problems);
		required(at, "key", alert.key(), problems);
		required(at, "sender", alert.sender(), problems);
		required(at, "event", alert.event(), problems);
		required(at, "headline", alert.headline(), problems);
		if (alert.msgType() != null && !MSG_TYPES.contains(alert.msgType())) {
			problems.add(at + ".msgType: must be Alert, Update or Cancel");
		}
		if (alert.colour() == null || !COLOURS.contains(alert.colour())) {
			problems.add(at + ".colour: must be blue, yellow, orange or red");
		}
		if (alert.expiresAfterMinutes() == null || alert.expiresAfterMinutes() <= 0) {
			problems.add(at + ".expiresAfterMinutes: must be positive");
		}
		checkAreaCodes(at + ".areaCodes", alert.areaCodes(), problems);
	}

	private static void checkWarning(String at, Scenario.PublicWarning warning, Scenario.Phase phase,
			List<String> problems) {
		checkAt(at, warning.at(), phase, problems);
		required(at, "key", warning.key(), problems);
		if (!WARNING_ACTIONS.contains(warning.actionOrDefault())) {
			problems.add(at + ".action: must be alert, update or cancel");
			return;
		}
		if ("cancel".equals(warning.actionOrDefault())) {
			return;
		}
		if (warning.colour() == null || !COLOURS.contains(warning.colour())) {
			problems.add(at + ".colour: must be blue, yellow, orange or red");
		}
		if (warning.expiresAfterMinutes() == null || warning.expiresAfterMinutes() <= 0) {
			problems.add(at + ".expiresAfterMinutes: must be positive");
		}
		boolean chinese = warning.texts().stream().anyMatch(text -> "zh-CN".equals(text.language()));
		boolean english = warning.texts().stream().anyMatch(text -> text.language() != null && text.language().startsWith("en"));
		if (!chinese || !english) {
			problems.add(at + ".texts: a zh-CN and an English text are required");
		}
		for (int i = 0; i < warning.texts().size(); i++) {
			Scenario.Text text = warning.texts().get(i);
			String where = at + ".texts[" + i + "]";
			required(where, "event", text.event(), problems);
			required(where, "headline", text.headline(), problems);
			required(where, "description", text.description(), problems);
		}
		if (warning.areas().isEmpty()) {
			problems.add(at + ".areas: at least one area is required");
		}
		for (int i = 0; i < warning.areas().size(); i++) {
			Scenario.Area area = warning.areas().get(i);
			required(at + ".areas[" + i + "]", "description", area.description(), problems);
			checkAreaCodes(at + ".areas[" + i + "].codes", area.codes(), problems);
		}
	}

	private static void checkOrder(String at, Scenario.Order order, Scenario.Phase phase, Set<String> cities,
			List<String> problems) {
		checkAt(at, order.at(), phase, problems);
		required(at, "key", order.key(), problems);
		required(at, "text", order.text(), problems);
		if (order.cities().isEmpty()) {
			problems.add(at + ".cities: at least one city is required");
		}
		for (String city : order.cities()) {
			if (!cities.contains(city)) {
				problems.add(at + ".cities: " + city + " is not one of the scenario's cities");
			}
		}
		if (order.deadlineMinutes() == null || order.deadlineMinutes() <= 0) {
			problems.add(at + ".deadlineMinutes: must be positive");
		}
		Scenario.Acknowledgements acks = order.acks();
		if (acks.received() < 0 || acks.accepted() < acks.received()
				|| (acks.completedAfterSeconds() != null && acks.completedAfterSeconds() < acks.accepted())) {
			problems.add(at + ".acknowledgements: delays must not be negative and must follow received ≤ accepted ≤ completed");
		}
		for (String city : acks.rejectingCities()) {
			if (!order.cities().contains(city)) {
				problems.add(at + ".acknowledgements.rejecting: " + city + " is not a target of the order");
			}
		}
	}

	private static void checkSupplyRequest(String at, Scenario.SupplyRequest request, Scenario.Phase phase,
			Set<String> cities, List<String> problems) {
		checkAt(at, request.at(), phase, problems);
		if (request.city() == null || !cities.contains(request.city())) {
			problems.add(at + ".city: " + request.city() + " is not one of the scenario's cities");
		}
		if (request.lines().isEmpty()) {
			problems.add(at + ".lines: at least one line is required");
		}
		for (int i = 0; i < request.lines().size(); i++) {
			Map<String, Object> line = request.lines().get(i);
			if (!(line.get("quantity") instanceof Number quantity) || quantity.longValue() < 1) {
				problems.add(at + ".lines[" + i + "].quantity: a positive whole number is required");
			}
			if (!(line.get("itemCode") instanceof String) && !(line.get("resourceName") instanceof String)) {
				problems.add(at + ".lines[" + i + "]: itemCode or resourceName is required");
			}
		}
	}

	private static void checkAreaCodes(String at, List<String> codes, List<String> problems) {
		if (codes.isEmpty()) {
			problems.add(at + ": at least one GB/T 2260 code is required");
		}
		for (String code : codes) {
			if (!Areas.PROVINCE.equals(code) && !Areas.isCity(code) && Areas.county(code).isEmpty()) {
				problems.add(at + ": " + code + " is not a province, city or county code of Fujian");
			}
		}
	}

	/** Keys unique per kind; an Update or Cancel names an earlier alert or warning that is still in force. */
	private static void checkChains(Scenario scenario, List<String> problems) {
		List<Step> steps = Step.all(scenario);
		Set<String> alerts = new HashSet<>();
		Set<String> warnings = new HashSet<>();
		Set<String> ended = new HashSet<>();
		Set<String> orders = new HashSet<>();
		for (Step step : steps) {
			if (step.value() instanceof Scenario.DepartmentAlert alert && alert.key() != null) {
				if (!alerts.add(alert.key())) {
					problems.add("departmentAlerts: key " + alert.key() + " used twice");
				}
				boolean chained = alert.msgType() != null && !"Alert".equals(alert.msgType());
				if (chained && (alert.references() == null || !alerts.contains(alert.references()))) {
					problems.add("departmentAlerts " + alert.key() + ": references must name an earlier alert's key");
				}
			}
			else if (step.value() instanceof Scenario.PublicWarning warning && warning.key() != null) {
				if (!warnings.add(warning.key())) {
					problems.add("warnings: key " + warning.key() + " used twice");
				}
				if (!"alert".equals(warning.actionOrDefault())) {
					if (warning.of() == null || !warnings.contains(warning.of()) || !ended.add(warning.of())) {
						problems.add("warnings " + warning.key() + ": of must name an earlier warning still in force");
					}
				}
			}
			else if (step.value() instanceof Scenario.Order order && order.key() != null && !orders.add(order.key())) {
				problems.add("orders: key " + order.key() + " used twice");
			}
		}
	}

	private static void required(String at, String field, @Nullable String value, List<String> problems) {
		if (blank(value)) {
			problems.add(at + "." + field + ": required");
		}
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	/** A step of the scenario at its minute from the scenario's start. */
	record Step(double minute, int phase, Object value) {

		static List<Step> all(Scenario scenario) {
			List<Step> steps = new ArrayList<>();
			double start = 0;
			for (int i = 0; i < scenario.phases().size(); i++) {
				Scenario.Phase phase = scenario.phases().get(i);
				for (var alert : phase.departmentAlerts()) {
					steps.add(new Step(start + orZero(alert.at()), i, alert));
				}
				for (var warning : phase.warnings()) {
					steps.add(new Step(start + orZero(warning.at()), i, warning));
				}
				for (var order : phase.orders()) {
					steps.add(new Step(start + orZero(order.at()), i, order));
				}
				for (var request : phase.supplyRequests()) {
					steps.add(new Step(start + orZero(request.at()), i, request));
				}
				start += phase.length();
			}
			steps.sort(Comparator.comparingDouble(Step::minute));
			return steps;
		}

		private static double orZero(@Nullable Double value) {
			return value == null ? 0 : value;
		}

	}

}
