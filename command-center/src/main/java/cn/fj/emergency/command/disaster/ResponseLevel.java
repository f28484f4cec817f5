package cn.fj.emergency.command.disaster;

import java.util.Optional;

/**
 * The province's emergency response levels (应急响应等级), Ⅳ the lowest and Ⅰ the highest: distinct from incident
 * levels (an incident's gravity), they say how much of the province is mobilised. Declared from the highest.
 */
public enum ResponseLevel {

	RESPONSE_I("Ⅰ级应急响应", "Level I response", "I"), RESPONSE_II("Ⅱ级应急响应", "Level II response", "II"),
	RESPONSE_III("Ⅲ级应急响应", "Level III response", "III"), RESPONSE_IV("Ⅳ级应急响应", "Level IV response", "IV");

	private final String nameZh;

	private final String nameEn;

	private final String numeral;

	ResponseLevel(String nameZh, String nameEn, String numeral) {
		this.nameZh = nameZh;
		this.nameEn = nameEn;
		this.numeral = numeral;
	}

	public String nameZh() {
		return this.nameZh;
	}

	public String nameEn() {
		return this.nameEn;
	}

	/** I, II, III or IV: how the national uplink names the level. */
	public String numeral() {
		return this.numeral;
	}

	/** Whether this level is higher (more mobilisation) than {@code other}. */
	public boolean higherThan(ResponseLevel other) {
		return ordinal() < other.ordinal();
	}

	/** Ⅰ and Ⅱ are reported to the national platform. */
	public boolean national() {
		return this == RESPONSE_I || this == RESPONSE_II;
	}

	public static Optional<ResponseLevel> parse(String text) {
		for (ResponseLevel level : values()) {
			if (level.name().equals(text)) {
				return Optional.of(level);
			}
		}
		return Optional.empty();
	}

}
