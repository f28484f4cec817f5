package cn.fj.emergency.alerting.targeting;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
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

/**
 * Resolves a warning to the counties and city platforms it covers (docs/warnings.md, "Targeting"). Per area of
 * every info block:
 * <ul>
 * <li>a {@code GB/T 2260} geocode: the province 350000 covers every county, a city platform's code its counties
 * (Pingtan 350128 is both a platform and its one county), a county's code that county;</li>
 * <li>a polygon: every county whose centre lies inside it (even-odd rule), and at least the county nearest to
 * the polygon's mean point, so that a polygon smaller than a county still reaches it;</li>
 * <li>a circle: every county whose centre lies within the radius, and at least the county nearest to its centre.</li>
 * </ul>
 * The union over all areas is the warning's; the platforms are those of the counties covered.
 */
public final class Targeting {

	private static final double EARTH_RADIUS_KM = 6371.0;

	private static final String PROVINCE = "350000";

	private final List<County> counties;

	private Targeting(List<County> counties) {
		this.counties = List.copyOf(counties);
	}

	/** Fujian's counties from {@code fujian-counties.txt}. */
	public static Targeting fujian() {
		return Holder.FUJIAN;
	}

	public WarningTargets resolve(Alert alert) {
		TreeSet<String> covered = new TreeSet<>();
		for (Info info : alert.infos()) {
			for (Area area : info.areas()) {
				covered.addAll(resolve(area));
			}
		}
		TreeSet<String> cities = new TreeSet<>();
		for (County county : this.counties) {
			if (covered.contains(county.code())) {
				cities.add(county.cityCode());
			}
		}
		return new WarningTargets(List.copyOf(cities), List.copyOf(covered));
	}

	private List<String> resolve(Area area) {
		List<String> codes = new ArrayList<>();
		for (String code : area.geocodes(AreaCodes.GEOCODE)) {
			for (County county : this.counties) {
				if (code.equals(PROVINCE) || code.equals(county.code()) || code.equals(county.cityCode())) {
					codes.add(county.code());
				}
			}
		}
		for (Polygon polygon : area.polygons()) {
			for (County county : this.counties) {
				if (inside(county, polygon.points())) {
					codes.add(county.code());
				}
			}
			nearest(meanLatitude(polygon.points()), meanLongitude(polygon.points())).ifPresent(codes::add);
		}
		for (Circle circle : area.circles()) {
			double lat = circle.centre().latitude().doubleValue();
			double lon = circle.centre().longitude().doubleValue();
			double radius = circle.radiusKm().doubleValue();
			for (County county : this.counties) {
				if (distanceKm(lat, lon, county.latitude(), county.longitude()) <= radius) {
					codes.add(county.code());
				}
			}
			nearest(lat, lon).ifPresent(codes::add);
		}
		return codes;
	}

	private java.util.Optional<String> nearest(double lat, double lon) {
		return this.counties.stream()
			.min(Comparator.comparingDouble(c -> distanceKm(lat, lon, c.latitude(), c.longitude())))
			.map(County::code);
	}

	private static boolean inside(County county, List<Point> ring) {
		double y = county.latitude();
		double x = county.longitude();
		boolean in = false;
		for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
			double yi = ring.get(i).latitude().doubleValue();
			double xi = ring.get(i).longitude().doubleValue();
			double yj = ring.get(j).latitude().doubleValue();
			double xj = ring.get(j).longitude().doubleValue();
			if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
				in = !in;
			}
		}
		return in;
	}

	private static double meanLatitude(List<Point> points) {
		return points.stream().map(Point::latitude).mapToDouble(BigDecimal::doubleValue).average().orElse(0);
	}

	private static double meanLongitude(List<Point> points) {
		return points.stream().map(Point::longitude).mapToDouble(BigDecimal::doubleValue).average().orElse(0);
	}

	static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLon = Math.toRadians(lon2 - lon1);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
				+ Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
	}

	private record County(String code, String cityCode, double latitude, double longitude) {
	}

	private static final class Holder {

		static final Targeting FUJIAN = load();

		private static Targeting load() {
			List<County> counties = new ArrayList<>();
			try (InputStream in = Objects.requireNonNull(Targeting.class.getResourceAsStream("fujian-counties.txt"),
					"fujian-counties.txt");
					BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					if (line.isBlank() || line.startsWith("#")) {
						continue;
					}
					String[] f = line.split("\t");
					counties.add(new County(f[0], f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3])));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return new Targeting(counties);
		}

	}

}
