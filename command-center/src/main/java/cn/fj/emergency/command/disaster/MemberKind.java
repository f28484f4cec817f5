package cn.fj.emergency.command.disaster;

import java.util.Optional;

/** What may belong to a disaster event. */
public enum MemberKind {

	INCIDENT, WARNING, ORDER, SITREP, SUPPLY_REQUEST;

	public static Optional<MemberKind> parse(String text) {
		for (MemberKind kind : values()) {
			if (kind.name().equals(text)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

}
