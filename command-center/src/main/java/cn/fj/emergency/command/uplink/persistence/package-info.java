/**
 * PostgreSQL storage of the national uplink (R2DBC): the outbox of forwards, their claims and states, and the
 * tailer's cursor on the event log.
 */
@NullMarked
package cn.fj.emergency.command.uplink.persistence;

import org.jspecify.annotations.NullMarked;
