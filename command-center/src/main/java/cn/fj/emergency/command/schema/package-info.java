/**
 * Versioned schema migrations per module, run at start-up before any traffic (Flyway over JDBC), after the check
 * that the database is durable; its durability settings in health.
 */
@NullMarked
package cn.fj.emergency.command.schema;

import org.jspecify.annotations.NullMarked;
