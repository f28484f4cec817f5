/**
 * Incidents: report with a client-chosen id (idempotent), validation, and the incident.reported event.
 */
@NullMarked
package cn.fj.emergency.command.incident;

import org.jspecify.annotations.NullMarked;
