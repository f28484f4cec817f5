package cn.fj.emergency.alerting.cap.xml;

import jakarta.xml.bind.annotation.XmlType;
import org.jspecify.annotations.Nullable;

/** JAXB binding of {@code eventCode}, {@code parameter} and {@code geocode}. */
@XmlType(name = "", propOrder = { "valueName", "value" })
final class NamedValueXml {

	@Nullable String valueName;

	@Nullable String value;

	NamedValueXml() {
	}

	NamedValueXml(String valueName, String value) {
		this.valueName = valueName;
		this.value = value;
	}

}
