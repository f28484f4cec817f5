/**
 * PostgreSQL storage of situation reports (R2DBC); the roll-ups are computed by SQL over the latest reports.
 */
@NullMarked
package cn.fj.emergency.command.sitrep.persistence;

import org.jspecify.annotations.NullMarked;
