package cn.fj.emergency.command.uplink;

/**
 * Why a forward is sent: an incident was reported at level I or II, or its level was raised; or the province
 * activated a level Ⅰ/Ⅱ response for a disaster event, or raised one into Ⅰ or Ⅱ (the forward's {@code incidentId}
 * is then the disaster event's id, docs/national-uplink.md#responses).
 */
public enum ForwardKind {

	INCIDENT_REPORTED, LEVEL_RAISED, RESPONSE_ACTIVATED, RESPONSE_RAISED

}
