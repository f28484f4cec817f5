/** The {@code inbound_warning} table (db/alerting V60) over R2DBC. */
@NullMarked
package cn.fj.emergency.alerting.feed.persistence;

import org.jspecify.annotations.NullMarked;
