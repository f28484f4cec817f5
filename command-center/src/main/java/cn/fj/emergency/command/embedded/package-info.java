/**
 * The embedded default: with no database or Redis configured, the command center starts its own PostgreSQL and
 * Redis, and keeps their data under {@code hub.data-dir} so that a restart keeps every row.
 */
@NullMarked
package cn.fj.emergency.command.embedded;

import org.jspecify.annotations.NullMarked;
