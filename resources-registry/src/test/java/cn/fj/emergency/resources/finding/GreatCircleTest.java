package cn.fj.emergency.resources.finding;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.fj.emergency.resources.depot.Depot;
import cn.fj.emergency.resources.depot.DepotLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Great-circle distances, and sources ranked nearest first. */
class GreatCircleTest {

	static Depot depot(String code, double lat, double lon) {
		return new Depot(code, code, code, DepotLevel.CITY, "350100", null, lat, lon, "", "", "", 1000, true);
	}

	@Test
	void fuzhouToXiamenIsAboutTwoHundredAndTenKilometres() {
		assertThat(GreatCircle.kilometres(26.08, 119.30, 24.48, 118.09)).isCloseTo(212, within(5.0));
		assertThat(GreatCircle.kilometres(26.08, 119.30, 26.08, 119.30)).isZero();
	}

	@Test
	void sourcesAreNearestFirstWithWhatTheyCouldSupply() {
		Map<String, Depot> depots = Map.of("far", depot("far", 24.48, 118.09), "near", depot("near", 26.10, 119.32));
		Map<String, Map<String, Long>> available = Map.of("far", Map.of("TENT-12", 500L), "near", Map.of("TENT-12", 40L));

		List<SupplySource> sources = FindingSupplies.rank(26.08, 119.30, Map.of("TENT-12", 100L), depots, available, 10);

		assertThat(sources).extracting(s -> s.depot().code()).containsExactly("near", "far");
		assertThat(sources.get(0).offers().get(0).suppliable()).isEqualTo(40);
		assertThat(sources.get(0).coversAll()).isFalse();
		assertThat(sources.get(1).coversAll()).isTrue();
	}

}
