/**
 * City-link routes for incidents.
 */
@NullMarked
package cn.fj.emergency.command.incident.rsocket;

import org.jspecify.annotations.NullMarked;
