package cn.fj.emergency.command.incident;

import java.util.Optional;

/**
 * Where an incident stands. Stored and sent as the upper-case name. The path is REPORTED, VERIFIED, RESPONDING,
 * CONTAINED, CLOSED; an incident may also leave it, from any state before CLOSED, as MERGED (into another incident)
 * or DISMISSED (with a reason). CLOSED, MERGED and DISMISSED are final.
 */
public enum IncidentStatus {

	REPORTED, VERIFIED, RESPONDING, CONTAINED, CLOSED, MERGED, DISMISSED;

	/** No change of status, level or assignment is possible from here. */
	public boolean terminal() {
		return this == CLOSED || this == MERGED || this == DISMISSED;
	}

	public static Optional<IncidentStatus> parse(String text) {
		for (IncidentStatus status : values()) {
			if (status.name().equals(text)) {
				return Optional.of(status);
			}
		}
		return Optional.empty();
	}

}
