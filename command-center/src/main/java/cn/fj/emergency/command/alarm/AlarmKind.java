package cn.fj.emergency.command.alarm;

/** What an alarm is about. */
public enum AlarmKind {

	/** A real incident reported at level I or II, or raised to one of them. */
	INCIDENT_LEVEL,
	/** A target city missed a command order's deadline. */
	ORDER_OVERDUE,
	/** A warning's delivery to a broadcast channel failed for good. */
	DELIVERY_FAILED,
	/** A city platform that was connected has no connection left. */
	PLATFORM_OFFLINE

}
