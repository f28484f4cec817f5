package cn.fj.emergency.command.uplink;

/** A forward is pending until the national peer has acknowledged it; then it is done for good. */
public enum ForwardState {

	PENDING, ACKNOWLEDGED

}
