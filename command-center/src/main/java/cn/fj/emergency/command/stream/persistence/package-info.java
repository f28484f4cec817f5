/**
 * PostgreSQL storage of the event log (R2DBC).
 */
@NullMarked
package cn.fj.emergency.command.stream.persistence;

import org.jspecify.annotations.NullMarked;
