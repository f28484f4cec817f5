package cn.fj.emergency.alerting.cap;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/** Where an info block applies (CAP {@code area}): a description, shapes and codes. */
public record Area(String areaDesc, List<Polygon> polygons, List<Circle> circles, List<NamedValue> geocodes,
		@Nullable BigDecimal altitude, @Nullable BigDecimal ceiling) {

	public Area {
		Objects.requireNonNull(areaDesc, "areaDesc");
		polygons = List.copyOf(polygons);
		circles = List.copyOf(circles);
		geocodes = List.copyOf(geocodes);
	}

	/** The values of the geocodes named {@code valueName}, in order. */
	public List<String> geocodes(String valueName) {
		return geocodes.stream().filter(code -> code.valueName().equals(valueName)).map(NamedValue::value).toList();
	}

}
