package cn.fj.emergency.command.incident;

import java.util.Optional;

/** Levels of the national emergency plans: I is the gravest. */
public enum IncidentLevel {

	I("特别重大", "Extremely serious"), II("重大", "Very serious"), III("较大", "Serious"), IV("一般", "General");

	private final String nameZh;

	private final String nameEn;

	IncidentLevel(String nameZh, String nameEn) {
		this.nameZh = nameZh;
		this.nameEn = nameEn;
	}

	public String nameZh() {
		return this.nameZh;
	}

	public String nameEn() {
		return this.nameEn;
	}

	public static Optional<IncidentLevel> parse(String text) {
		for (IncidentLevel level : values()) {
			if (level.name().equals(text)) {
				return Optional.of(level);
			}
		}
		return Optional.empty();
	}

}
