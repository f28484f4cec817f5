package cn.fj.emergency.alerting.cap;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Chinese warning colours and the CAP severity each stands for. Carried in an info block as the
 * parameter {@value #PARAMETER} with the value {@code red}, {@code orange}, {@code yellow} or {@code blue}
 * (written so; read also in any case, and as 红色, 橙色, 黄色, 蓝色).
 */
public enum WarningColour {

	RED("red", "红色", Severity.EXTREME),
	ORANGE("orange", "橙色", Severity.SEVERE),
	YELLOW("yellow", "黄色", Severity.MODERATE),
	BLUE("blue", "蓝色", Severity.MINOR);

	/** The parameter's {@code valueName}. */
	public static final String PARAMETER = "warningColour";

	private final String cap;

	private final String chinese;

	private final Severity severity;

	WarningColour(String cap, String chinese, Severity severity) {
		this.cap = cap;
		this.chinese = chinese;
		this.severity = severity;
	}

	/** The parameter value we write. */
	public String cap() {
		return cap;
	}

	public String chinese() {
		return chinese;
	}

	public Severity severity() {
		return severity;
	}

	/** The colour a parameter value names, if it names one. */
	public static Optional<WarningColour> parse(String value) {
		String text = value.strip();
		for (WarningColour colour : values()) {
			if (colour.cap.equals(text.toLowerCase(Locale.ROOT)) || colour.chinese.equals(text)) {
				return Optional.of(colour);
			}
		}
		return Optional.empty();
	}

	/** The colour for a severity; none for Unknown. */
	public static Optional<WarningColour> of(Severity severity) {
		for (WarningColour colour : values()) {
			if (colour.severity == severity) {
				return Optional.of(colour);
			}
		}
		return Optional.empty();
	}

	/** The colour parameters of an info block, as written. */
	public static List<String> carriedBy(Info info) {
		return info.parameters(PARAMETER);
	}

}
