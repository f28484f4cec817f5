/** The warning tables, over R2DBC; every write runs in the caller's transaction. */
@NullMarked
package cn.fj.emergency.alerting.warning.persistence;

import org.jspecify.annotations.NullMarked;
