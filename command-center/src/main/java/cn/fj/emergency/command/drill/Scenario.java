package cn.fj.emergency.command.drill;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A drill scenario as written in its JSON file (docs/drills.md): the simulated parties, the phases with their report
 * rates, and what happens at which minute of each phase. Times are scenario time; the player compresses them by its
 * time-scale. Absent lists are empty; {@link ScenarioCheck} says what is wrong with a scenario.
 */
public record Scenario(@Nullable String name, @Nullable String title, @Nullable String description,
		@Nullable Integer consoles, @Nullable Thresholds thresholds, List<City> cities, @Nullable ReportStyle reports,
		List<Phase> phases) {

	public Scenario {
		cities = cities == null ? List.of() : List.copyOf(cities);
		phases = phases == null ? List.of() : List.copyOf(phases);
	}

	public int consoleCount() {
		return this.consoles == null ? 1 : this.consoles;
	}

	public Thresholds limits() {
		return this.thresholds == null ? new Thresholds(null, null, null) : this.thresholds;
	}

	public ReportStyle reportStyle() {
		return this.reports == null ? new ReportStyle(null, null, null) : this.reports;
	}

	/** The scenario's length in scenario minutes: its phases one after the other. */
	public double minutes() {
		return this.phases.stream().mapToDouble(phase -> phase.minutes() == null ? 0 : phase.minutes()).sum();
	}

	/**
	 * Reports of the city from the scenario's start to this scenario minute, before any rate multiplier: the integral
	 * of its ramps.
	 */
	public double reportsBy(String city, double minute) {
		double total = 0;
		double start = 0;
		for (Phase phase : this.phases) {
			Rate rate = phase.reports().get(city);
			double length = phase.length();
			double t = Math.max(0, Math.min(length, minute - start));
			if (rate != null && t > 0) {
				total += rate.from() * t + (rate.to() - rate.from()) * t * t / (2 * length);
			}
			start += length;
		}
		return total;
	}

	/** Beyond these (wall-clock milliseconds, after compression) a measurement counts as late. */
	public record Thresholds(@Nullable Long reportToConsoleMillis, @Nullable Long orderAcknowledgementMillis,
			@Nullable Long warningDeliveryMillis) {

		public long reportToConsole() {
			return this.reportToConsoleMillis == null ? 2_000 : this.reportToConsoleMillis;
		}

		public long orderAcknowledgement() {
			return this.orderAcknowledgementMillis == null ? 60_000 : this.orderAcknowledgementMillis;
		}

		public long warningDelivery() {
			return this.warningDeliveryMillis == null ? 5_000 : this.warningDeliveryMillis;
		}

	}

	/** A simulated city platform and the counties (with a point in each) its reports come from. */
	public record City(@Nullable String code, List<Place> counties) {

		public City {
			counties = counties == null ? List.of() : List.copyOf(counties);
		}

	}

	public record Place(@Nullable String code, double latitude, double longitude) {
	}

	/** What the generated incident reports look like: drawn in turn from these lists. */
	public record ReportStyle(@Nullable List<String> categories, @Nullable List<String> levels,
			@Nullable List<String> titles) {

		public List<String> categoryList() {
			return this.categories == null || this.categories.isEmpty() ? List.of("12") : this.categories;
		}

		public List<String> levelList() {
			return this.levels == null || this.levels.isEmpty() ? List.of("IV") : this.levels;
		}

		public List<String> titleList() {
			return this.titles == null || this.titles.isEmpty() ? List.of("Drill incident") : this.titles;
		}

	}

	/**
	 * A stretch of the scenario: {@code minutes} long, with incident reports per minute per city ramping linearly
	 * from {@code from} to {@code to}, and steps at minutes counted from the phase's start.
	 */
	public record Phase(@Nullable String name, @Nullable Double minutes, Map<String, Rate> reports,
			List<DepartmentAlert> departmentAlerts, List<PublicWarning> warnings, List<Order> orders,
			List<SupplyRequest> supplyRequests) {

		public Phase {
			reports = reports == null ? Map.of() : Map.copyOf(reports);
			departmentAlerts = departmentAlerts == null ? List.of() : List.copyOf(departmentAlerts);
			warnings = warnings == null ? List.of() : List.copyOf(warnings);
			orders = orders == null ? List.of() : List.copyOf(orders);
			supplyRequests = supplyRequests == null ? List.of() : List.copyOf(supplyRequests);
		}

		public double length() {
			return this.minutes == null ? 0 : this.minutes;
		}

	}

	/** Reports per scenario minute, at the phase's start and at its end. */
	public record Rate(double from, double to) {
	}

	/**
	 * A CAP alert a department (meteorology, ocean) pushes to {@code POST /api/inbound-warnings}, always with
	 * status Exercise. {@code msgType} Update or Cancel references the alert of the given {@code references} key.
	 */
	public record DepartmentAlert(@Nullable Double at, @Nullable String key, @Nullable String sender,
			@Nullable String msgType, @Nullable String references, @Nullable String category, @Nullable String event,
			@Nullable String colour, @Nullable String headline, @Nullable String description,
			@Nullable Double expiresAfterMinutes, List<String> areaCodes) {

		public DepartmentAlert {
			areaCodes = areaCodes == null ? List.of() : List.copyOf(areaCodes);
		}

	}

	/**
	 * A public warning of the hub's: composed by the drill's department, submitted, approved by a second party
	 * (dual control) and published, with status Exercise. {@code action} {@code alert} (default) composes a new
	 * one; {@code update} and {@code cancel} end the published warning of key {@code of}.
	 */
	public record PublicWarning(@Nullable Double at, @Nullable String key, @Nullable String action,
			@Nullable String of, @Nullable String colour, @Nullable Double expiresAfterMinutes, List<Text> texts,
			List<Area> areas) {

		public PublicWarning {
			texts = texts == null ? List.of() : List.copyOf(texts);
			areas = areas == null ? List.of() : List.copyOf(areas);
		}

		public String actionOrDefault() {
			return this.action == null ? "alert" : this.action;
		}

	}

	public record Text(@Nullable String language, @Nullable String event, @Nullable String headline,
			@Nullable String description, @Nullable String instruction) {
	}

	public record Area(@Nullable String description, List<String> codes) {

		public Area {
			codes = codes == null ? List.of() : List.copyOf(codes);
		}

	}

	/**
	 * A command order to cities (exercise), and how the simulated platforms acknowledge it: RECEIVED, then ACCEPTED
	 * (or REJECTED for the {@code rejecting} cities), then COMPLETED if given, each so many scenario seconds after
	 * the order reached them.
	 */
	public record Order(@Nullable Double at, @Nullable String key, @Nullable String text, List<String> cities,
			@Nullable Double deadlineMinutes, @Nullable Acknowledgements acknowledgements) {

		public Order {
			cities = cities == null ? List.of() : List.copyOf(cities);
		}

		public Acknowledgements acks() {
			return this.acknowledgements == null ? new Acknowledgements(null, null, null, null) : this.acknowledgements;
		}

	}

	public record Acknowledgements(@Nullable Double receivedAfterSeconds, @Nullable Double acceptedAfterSeconds,
			@Nullable Double completedAfterSeconds, @Nullable List<String> rejecting) {

		public double received() {
			return this.receivedAfterSeconds == null ? 0 : this.receivedAfterSeconds;
		}

		public double accepted() {
			return this.acceptedAfterSeconds == null ? received() : this.acceptedAfterSeconds;
		}

		public List<String> rejectingCities() {
			return this.rejecting == null ? List.of() : this.rejecting;
		}

	}

	/** A city platform's supply request ({@code POST /api/supplies/requests}), lines as that endpoint takes them. */
	public record SupplyRequest(@Nullable Double at, @Nullable String city, @Nullable String location,
			@Nullable String note, List<Map<String, Object>> lines) {

		public SupplyRequest {
			lines = lines == null ? List.of() : List.copyOf(lines);
		}

	}

}
