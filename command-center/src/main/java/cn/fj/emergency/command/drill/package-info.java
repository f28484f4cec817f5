/**
 * Drills: a scenario player that drives the hub as its real parties would (departments pushing CAP alerts, city
 * platforms over the city link, consoles over WebSocket, officers over HTTP), everything flagged exercise, and the
 * drill report it ends with (docs/drills.md).
 */
@NullMarked
package cn.fj.emergency.command.drill;

import org.jspecify.annotations.NullMarked;
