package cn.fj.emergency.command.plan;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The plan file format: the shipped plans read, the canonical form is stable, bad files are refused at their path. */
class PlanFileTest {

	@Test
	void theShippedPlansRead() {
		Plan typhoon = Plans.typhoon();
		assertThat(typhoon.id()).isEqualTo("fj-typhoon");
		assertThat(typhoon.category()).isEqualTo("1201");
		assertThat(typhoon.title().zh()).isEqualTo("福建省防台风应急预案");
		for (ResponseLevel level : ResponseLevel.values()) {
			assertThat(typhoon.actions(level)).as("typhoon actions at " + level).isNotEmpty();
		}
		assertThat(typhoon.party("water").code()).isEqualTo("FJ-SLT");
		assertThat(typhoon.actions(ResponseLevel.IV).get(0).deadline()).isEqualTo(Duration.ofHours(1));
		assertThat(typhoon.conditions()).hasSize(4);
		Plan flood = Plans.flood();
		assertThat(flood.category()).isEqualTo("1101");
		assertThat(flood.party("minjiang-cities").cities()).containsExactly("350100", "350400", "350700");
	}

	@Test
	void theCanonicalFormReadsBackToTheSamePlanAndTheSameBytes() {
		for (Plan plan : new Plan[] { Plans.typhoon(), Plans.flood() }) {
			String canonical = PlanFile.write(plan.withVersion(3));
			Plan again = PlanFile.read(canonical);
			assertThat(again).isEqualTo(plan.withVersion(3));
			assertThat(PlanFile.write(again)).isEqualTo(canonical);
			assertThat(canonical).startsWith("{\n  \"format\" : \"fj-emergency-plan/1\",\n  \"id\" : \"" + plan.id() + "\",\n  \"version\" : 3,");
		}
	}

	@Test
	void aBadDeadlineIsRefusedAtItsPath() {
		ObjectNode tree = Plans.tree(Plans.shipped("fj-typhoon"));
		((ObjectNode) tree.get("levels").get("II").get(2)).put("deadline", "2 hours");
		assertThat(problems(tree)).containsExactly(new PlanProblem("/levels/II/2/deadline",
				"an ISO-8601 duration such as PT2H or PT30M or P1D, not 2 hours"));
	}

	@Test
	void everyProblemIsNamedEachAtItsPath() {
		ObjectNode tree = Plans.tree(Plans.shipped("fj-flood"));
		tree.remove("title");
		tree.put("category", "9999");
		((ObjectNode) tree.get("levels").get("IV").get(0)).put("party", "nobody");
		ArrayNode three = (ArrayNode) tree.get("levels").get("III");
		three.add(three.get(0).deepCopy());
		((ObjectNode) tree.get("conditions").get(0)).put("level", "V");
		((ObjectNode) tree.get("parties").get(1)).put("surprise", true);
		((ObjectNode) tree.get("conditions").get(1).get("when").get(0).get("warningInForce")).putArray("colours").add("purple");
		assertThat(problems(tree)).extracting(PlanProblem::path)
			.containsExactlyInAnyOrder("", "/category", "/parties/1/surprise", "/levels/IV/0/party", "/levels/III/5/id",
					"/conditions/0/level", "/conditions/1/when/0/warningInForce/colours/0");
	}

	@Test
	void namedCitiesMustBePlatformsOfTheProvince() {
		ObjectNode tree = Plans.tree(Plans.shipped("fj-flood"));
		((ArrayNode) tree.get("parties").get(10).get("cities")).add("110000");
		assertThat(problems(tree)).containsExactly(
				new PlanProblem("/parties/10/cities/3", "not a city platform of the province: \"110000\""));
	}

	@Test
	void notJsonIsRefusedWithWhereItBroke() {
		PlanFile.PlanInvalid refused = catchThrowableOfType(PlanFile.PlanInvalid.class,
				() -> PlanFile.read("{\"id\": \"fj-x\",\n  \"title\": }".getBytes(StandardCharsets.UTF_8)));
		assertThat(refused.problems()).singleElement().satisfies(p -> {
			assertThat(p.path()).isEmpty();
			assertThat(p.message()).isEqualTo("not well-formed JSON (line 2, column 12)");
		});
	}

	@Test
	void aMemberNamedTwiceIsRefused() {
		assertThatThrownBy(() -> PlanFile.read("{\"id\": \"a-b\", \"id\": \"c-d\"}")).isInstanceOf(PlanFile.PlanInvalid.class)
			.hasMessageContaining("member id appears more than once in one object (line 1, column");
	}

	static java.util.List<PlanProblem> problems(ObjectNode tree) {
		return catchThrowableOfType(PlanFile.PlanInvalid.class, () -> PlanFile.read(Plans.bytes(tree))).problems();
	}

}
