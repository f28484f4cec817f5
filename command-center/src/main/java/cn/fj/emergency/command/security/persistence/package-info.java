/**
 * PostgreSQL storage of officer accounts and service tokens (R2DBC).
 */
@NullMarked
package cn.fj.emergency.command.security.persistence;

import org.jspecify.annotations.NullMarked;
