package cn.fj.emergency.alerting.targeting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import cn.fj.emergency.alerting.cap.Alert;
import cn.fj.emergency.alerting.cap.Area;
import cn.fj.emergency.alerting.cap.AreaCodes;
import cn.fj.emergency.alerting.cap.Circle;
import cn.fj.emergency.alerting.cap.Info;
import cn.fj.emergency.alerting.cap.Point;
import cn.fj.emergency.alerting.cap.Polygon;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resolves a warning to the counties and city platforms it covers (docs/warnings.md, "Targeting"). Per area of
 * every info block:
 * <ul>
 * <li>a {@code GB/T 2260} geocode: the province 350000 covers every county, a city platform's code its counties
 * (Pingtan 350128 is both a platform and its one county), a county's code that county;</li>
 * <li>a polygon: every county whose boundary it intersects (shares any point with: a corner of one inside the
 * other, or crossing edges), so a polygon smaller than a county reaches the county it lies in, and a polygon on
 * the sea reaches no county;</li>
 * <li>a circle: every county with a point within the radius of the centre.</li>
 * </ul>
 * The union over all areas is the warning's; the platforms are those of the counties covered. The boundaries are
 * the real county boundaries of {@code fujian-county-shapes.json} (docs/areas.md, "County shapes"), each county
 * and each of its parts with a precomputed bounding box, so that most counties are ruled out by one box test.
 */
public final class Targeting {

	private static final String PROVINCE = "350000";

	static final String SHAPES = "fujian-county-shapes.json";

	private final List<CountyShape> counties;

	private Targeting(List<CountyShape> counties) {
		this.counties = List.copyOf(counties);
	}

	/** Fujian's counties from {@code fujian-county-shapes.json}. */
	public static Targeting fujian() {
		return Holder.FUJIAN;
	}

	/** The codes of the counties targeting knows, each once, sorted. */
	public List<String> countyCodes() {
		return this.counties.stream().map(CountyShape::code).sorted().toList();
	}

	/** The code of the city platform a county belongs to; empty for a code targeting does not know as a county. */
	public java.util.Optional<String> cityOf(String countyCode) {
		return this.counties.stream().filter(c -> c.code().equals(countyCode)).map(CountyShape::cityCode).findFirst();
	}

	/** Whether the point (WGS 84 as the source has it) lies inside the county. */
	public boolean countyContains(String countyCode, double latitude, double longitude) {
		return this.counties.stream()
			.anyMatch(c -> c.code().equals(countyCode) && c.contains(longitude, latitude));
	}

	public WarningTargets resolve(Alert alert) {
		TreeSet<String> covered = new TreeSet<>();
		for (Info info : alert.infos()) {
			for (Area area : info.areas()) {
				covered.addAll(resolve(area));
			}
		}
		TreeSet<String> cities = new TreeSet<>();
		for (CountyShape county : this.counties) {
			if (covered.contains(county.code())) {
				cities.add(county.cityCode());
			}
		}
		return new WarningTargets(List.copyOf(cities), List.copyOf(covered));
	}

	private List<String> resolve(Area area) {
		List<String> codes = new ArrayList<>();
		for (String code : area.geocodes(AreaCodes.GEOCODE)) {
			for (CountyShape county : this.counties) {
				if (code.equals(PROVINCE) || code.equals(county.code()) || code.equals(county.cityCode())) {
					codes.add(county.code());
				}
			}
		}
		for (Polygon polygon : area.polygons()) {
			double[] ring = flat(polygon.points());
			CountyShape.Box box = CountyShape.Box.of(ring);
			for (CountyShape county : this.counties) {
				if (county.intersectsPolygon(ring, box)) {
					codes.add(county.code());
				}
			}
		}
		for (Circle circle : area.circles()) {
			double lat = circle.centre().latitude().doubleValue();
			double lon = circle.centre().longitude().doubleValue();
			double radius = circle.radiusKm().doubleValue();
			for (CountyShape county : this.counties) {
				if (county.intersectsCircle(lon, lat, radius)) {
					codes.add(county.code());
				}
			}
		}
		return codes;
	}

	/** A CAP polygon's points as a flat lon, lat ring (the closing point may stay: it repeats the first). */
	private static double[] flat(List<Point> points) {
		double[] ring = new double[points.size() * 2];
		for (int i = 0; i < points.size(); i++) {
			ring[2 * i] = points.get(i).longitude().doubleValue();
			ring[2 * i + 1] = points.get(i).latitude().doubleValue();
		}
		return ring;
	}

	static List<CountyShape> load(InputStream in) {
		JsonNode root = JsonMapper.builder().build().readTree(in);
		List<CountyShape> counties = new ArrayList<>();
		for (JsonNode county : root.get("counties")) {
			List<CountyShape.Part> parts = new ArrayList<>();
			for (JsonNode polygon : county.get("polygons")) {
				List<double[]> rings = new ArrayList<>();
				for (JsonNode ring : polygon) {
					double[] flat = new double[ring.size()];
					for (int i = 0; i < flat.length; i++) {
						flat[i] = ring.get(i).doubleValue();
					}
					rings.add(flat);
				}
				parts.add(new CountyShape.Part(rings));
			}
			counties.add(new CountyShape(county.get("code").asString(), county.get("city").asString(), parts));
		}
		return counties;
	}

	private static final class Holder {

		static final Targeting FUJIAN = fromResource();

		private static Targeting fromResource() {
			try (InputStream in = Objects.requireNonNull(Targeting.class.getResourceAsStream(SHAPES), SHAPES)) {
				return new Targeting(load(in));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
