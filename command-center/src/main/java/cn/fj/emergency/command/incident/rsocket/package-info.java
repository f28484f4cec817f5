/**
 * City-link routes for incidents: report, change the status of, and annotate the platform's own incidents.
 */
@NullMarked
package cn.fj.emergency.command.incident.rsocket;

import org.jspecify.annotations.NullMarked;
