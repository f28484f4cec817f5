/**
 * Alarms: what must interrupt a duty officer (a new level I/II incident, an overdue order, a failed warning
 * delivery, a city platform gone offline), derived from the event log once per cause whatever the number of hub
 * instances, and acknowledged once, hub-wide, by an officer (docs/web-console.md#alarms).
 */
@NullMarked
package cn.fj.emergency.command.alarm;

import org.jspecify.annotations.NullMarked;
