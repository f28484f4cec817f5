package cn.fj.emergency.alerting.cap.xml;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlType;
import org.jspecify.annotations.Nullable;

/** JAXB binding of CAP's {@code area}. */
@XmlType(name = "", propOrder = { "areaDesc", "polygon", "circle", "geocode", "altitude", "ceiling" })
final class AreaXml {

	@Nullable String areaDesc;

	List<String> polygon = new ArrayList<>();

	List<String> circle = new ArrayList<>();

	List<NamedValueXml> geocode = new ArrayList<>();

	@Nullable String altitude;

	@Nullable String ceiling;

}
