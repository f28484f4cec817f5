package cn.fj.emergency.command.drill;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.fj.emergency.alerting.cap.cli.CapCommand;
import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped scenarios are playable as written; a scenario that is not is refused with every problem named. */
class ScenarioFilesTest {

	static final Set<String> COASTAL = Set.of("350100", "350200", "350300", "350500", "350600", "350900");

	@Test
	void typhoonScenarioParsesAndCoversTheCoastalCities() {
		Scenario typhoon = Scenarios.shipped("typhoon-fujian");

		assertThat(ScenarioCheck.problems(typhoon)).isEmpty();
		assertThat(typhoon.cities()).extracting(Scenario.City::code).containsExactlyInAnyOrderElementsOf(COASTAL);
		typhoon.cities().forEach(city -> city.counties().forEach(county -> assertThat(
				Areas.county(county.code()).orElseThrow().cityCode()).isEqualTo(city.code())));
		assertThat(typhoon.minutes()).isEqualTo(180);
		assertThat(typhoon.phases()).extracting(Scenario.Phase::name).containsExactly("approach", "landfall", "aftermath");
	}

	@Test
	void typhoonReportsRiseFromHundredsToThousandsPerMinute() {
		Scenario typhoon = Scenarios.shipped("typhoon-fujian");

		double first = ratePerMinute(typhoon, 0, true);
		double peak = ratePerMinute(typhoon, 1, false);

		assertThat(first).isBetween(100.0, 999.0);
		assertThat(peak).isGreaterThanOrEqualTo(1000);
	}

	private static double ratePerMinute(Scenario scenario, int phase, boolean atStart) {
		return scenario.phases().get(phase).reports().values().stream()
			.mapToDouble(rate -> atStart ? rate.from() : rate.to())
			.sum();
	}

	@Test
	void typhoonWarningsGoBlueOrangeRedAndEndInCancels() {
		Scenario typhoon = Scenarios.shipped("typhoon-fujian");
		List<Scenario.PublicWarning> warnings = typhoon.phases().stream().flatMap(p -> p.warnings().stream()).toList();
		List<Scenario.DepartmentAlert> alerts = typhoon.phases().stream().flatMap(p -> p.departmentAlerts().stream()).toList();

		assertThat(warnings).extracting(Scenario.PublicWarning::colour).containsSequence("blue", "orange", "red");
		assertThat(warnings.get(warnings.size() - 1).actionOrDefault()).isEqualTo("cancel");
		assertThat(alerts).extracting(Scenario.DepartmentAlert::event).contains("台风", "风暴潮", "海浪");
		Set<String> cancelled = new HashSet<>();
		alerts.stream().filter(a -> "Cancel".equals(a.msgType())).forEach(a -> cancelled.add(a.references()));
		assertThat(cancelled).containsExactlyInAnyOrder("met-red", "ocean-surge-red", "ocean-wave-orange");
	}

	/** Every department alert, rendered as the player sends it, passes the hub's own inbound CAP validation. */
	@Test
	void typhoonDepartmentAlertsAreValidExerciseCap(@TempDir Path dir) throws Exception {
		Scenario typhoon = Scenarios.shipped("typhoon-fujian");
		OffsetDateTime sent = OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0);
		int n = 0;
		for (Scenario.Phase phase : typhoon.phases()) {
			for (Scenario.DepartmentAlert alert : phase.departmentAlerts()) {
				var self = new DepartmentCap.Sent(alert.sender(), "drill-test-" + alert.key(), sent);
				var references = alert.references() == null ? null
						: new DepartmentCap.Sent(alert.sender(), "drill-test-" + alert.references(), sent.minusMinutes(5));
				String xml = DepartmentCap.xml(alert, self, references);
				assertThat(xml).contains("<status>Exercise</status>");
				Path file = dir.resolve("alert-" + (n++) + ".xml");
				Files.writeString(file, xml, StandardCharsets.UTF_8);
				ByteArrayOutputStream err = new ByteArrayOutputStream();
				int exit = CapCommand.run(new String[] { "cap", "validate", file.toString() },
						new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
						new PrintStream(err, true, StandardCharsets.UTF_8));
				assertThat(exit).as(alert.key() + ": " + err.toString(StandardCharsets.UTF_8)).isEqualTo(CapCommand.ACCEPTED);
			}
		}
		assertThat(n).isEqualTo(9);
	}

	@Test
	void refusesAScenarioNamingEveryProblem() {
		String broken = """
				{"name": "broken", "consoles": 40,
				 "cities": [{"code": "359900", "counties": [{"code": "350203", "latitude": 24.45, "longitude": 118.08}]},
				            {"code": "350200", "counties": [{"code": "350502", "latitude": 10, "longitude": 118.08}]}],
				 "phases": [{"name": "only", "minutes": 10,
				   "reports": {"350900": {"from": 1, "to": 2}},
				   "orders": [{"at": 12, "key": "o", "text": "x", "cities": ["350100"], "deadlineMinutes": 5}],
				   "warnings": [{"at": 1, "key": "w", "action": "cancel", "of": "nothing"}]}]}""";

		assertThatThrownBy(() -> Scenarios.parse(broken)).isInstanceOfSatisfying(HubException.class, refused -> {
			assertThat(refused.code()).isEqualTo(ErrorCode.DRILL_SCENARIO_INVALID);
			@SuppressWarnings("unchecked")
			List<String> problems = (List<String>) refused.details().get("problems");
			assertThat(problems).anyMatch(p -> p.startsWith("consoles:"))
				.anyMatch(p -> p.startsWith("cities[0].code: 359900 is not a city platform code"))
				.anyMatch(p -> p.startsWith("cities[1].counties[0].code: county 350502 belongs to 350500"))
				.anyMatch(p -> p.startsWith("cities[1].counties[0]: the point"))
				.anyMatch(p -> p.startsWith("phases[0].reports.350900"))
				.anyMatch(p -> p.startsWith("phases[0].orders[0].at"))
				.anyMatch(p -> p.startsWith("phases[0].orders[0].cities: 350100"))
				.anyMatch(p -> p.startsWith("warnings w: of must name"));
		});
	}

	@Test
	void refusesUnreadableJsonAndUnknownNames() {
		assertThatThrownBy(() -> Scenarios.parse("{\"name\": \"x\", \"phases\": 3")).isInstanceOfSatisfying(
				HubException.class, refused -> assertThat(refused.code()).isEqualTo(ErrorCode.DRILL_SCENARIO_INVALID));
		assertThatThrownBy(() -> Scenarios.shipped("../secrets")).isInstanceOfSatisfying(HubException.class,
				refused -> assertThat(refused.code()).isEqualTo(ErrorCode.DRILL_SCENARIO_NOT_FOUND));
	}

}
