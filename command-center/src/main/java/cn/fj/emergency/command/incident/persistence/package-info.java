/**
 * PostgreSQL storage of incidents (R2DBC): reports written in micro-batches with their events, changes under the
 * incident's row lock, the timeline and the suspicions of duplicates, searches and counts.
 */
@NullMarked
package cn.fj.emergency.command.incident.persistence;

import org.jspecify.annotations.NullMarked;
