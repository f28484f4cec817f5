/**
 * PostgreSQL storage of the audit trail's anchors (R2DBC).
 */
@NullMarked
package cn.fj.emergency.command.audit.persistence;

import org.jspecify.annotations.NullMarked;
