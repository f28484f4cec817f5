/**
 * Versioned schema migrations per module, run at start-up before any traffic (Flyway over JDBC).
 */
@NullMarked
package cn.fj.emergency.command.schema;

import org.jspecify.annotations.NullMarked;
