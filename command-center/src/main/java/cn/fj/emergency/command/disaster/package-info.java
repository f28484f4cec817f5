/**
 * Disaster events and response levels (docs/disaster-events.md): an event (a typhoon, a flood…) gathers the
 * incidents, warnings, orders, situation reports and supply requests that belong to it, by hand or by rule; a
 * commander activates, raises, lowers and ends the province's response (Ⅳ..Ⅰ) for it, each change signed by the hub.
 */
@NullMarked
package cn.fj.emergency.command.disaster;

import org.jspecify.annotations.NullMarked;
