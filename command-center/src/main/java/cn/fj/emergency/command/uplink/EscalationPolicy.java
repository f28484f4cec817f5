package cn.fj.emergency.command.uplink;

import cn.fj.emergency.command.incident.IncidentLevel;

/**
 * Which incidents the national platform must hear of: every one reported at level I or II, and every raise of a
 * level (to a graver one: I is graver than II, II than III, III than IV). A lowering is not forwarded.
 */
public final class EscalationPolicy {

	private EscalationPolicy() {
	}

	public static boolean forwardsReport(IncidentLevel level) {
		return level == IncidentLevel.I || level == IncidentLevel.II;
	}

	public static boolean forwardsChange(IncidentLevel level, IncidentLevel previousLevel) {
		return graver(level, previousLevel);
	}

	/** Whether {@code a} is graver than {@code b}: the levels are declared from the gravest. */
	static boolean graver(IncidentLevel a, IncidentLevel b) {
		return a.ordinal() < b.ordinal();
	}

}
