/**
 * HTTP routes for incidents.
 */
@NullMarked
package cn.fj.emergency.command.incident.web;

import org.jspecify.annotations.NullMarked;
