/**
 * PostgreSQL storage of incidents (R2DBC), written in micro-batches with their events.
 */
@NullMarked
package cn.fj.emergency.command.incident.persistence;

import org.jspecify.annotations.NullMarked;
