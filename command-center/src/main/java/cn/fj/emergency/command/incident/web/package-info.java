/**
 * HTTP routes for incidents: reports (also from intake systems), changes of status, level, assignee, notes, and
 * the queries (search, summary, timeline, suspicions of duplicates).
 */
@NullMarked
package cn.fj.emergency.command.incident.web;

import org.jspecify.annotations.NullMarked;
