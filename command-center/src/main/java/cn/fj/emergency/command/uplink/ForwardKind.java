package cn.fj.emergency.command.uplink;

/** Why an incident is forwarded: it was reported at level I or II, or its level was raised. */
public enum ForwardKind {

	INCIDENT_REPORTED, LEVEL_RAISED

}
