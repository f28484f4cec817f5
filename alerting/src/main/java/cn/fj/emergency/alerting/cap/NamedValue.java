package cn.fj.emergency.alerting.cap;

import java.util.Objects;

/** A CAP {@code valueName}/{@code value} pair: an event code, a parameter or a geocode. */
public record NamedValue(String valueName, String value) {

	public NamedValue {
		Objects.requireNonNull(valueName, "valueName");
		Objects.requireNonNull(value, "value");
	}

}
