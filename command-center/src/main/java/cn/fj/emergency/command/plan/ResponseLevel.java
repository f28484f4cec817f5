package cn.fj.emergency.command.plan;

import java.util.Optional;

/**
 * The four levels of an emergency response (应急响应), Ⅳ the lowest and Ⅰ the highest; distinct from incident
 * levels. Written {@code IV}, {@code III}, {@code II}, {@code I} in files and on the API.
 */
public enum ResponseLevel {

	IV("Ⅳ级应急响应", "Level IV response"), III("Ⅲ级应急响应", "Level III response"),
	II("Ⅱ级应急响应", "Level II response"), I("Ⅰ级应急响应", "Level I response");

	private final String nameZh;

	private final String nameEn;

	ResponseLevel(String nameZh, String nameEn) {
		this.nameZh = nameZh;
		this.nameEn = nameEn;
	}

	public String nameZh() {
		return this.nameZh;
	}

	public String nameEn() {
		return this.nameEn;
	}

	/** Higher is graver: IV is 1, I is 4. */
	public int rank() {
		return ordinal() + 1;
	}

	public boolean above(ResponseLevel other) {
		return rank() > other.rank();
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
