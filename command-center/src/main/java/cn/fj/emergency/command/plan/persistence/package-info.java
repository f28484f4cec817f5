/**
 * PostgreSQL storage of plans (R2DBC): one row per plan with its current version, and the versions themselves,
 * which the database refuses to change or delete (V23).
 */
@NullMarked
package cn.fj.emergency.command.plan.persistence;

import org.jspecify.annotations.NullMarked;
