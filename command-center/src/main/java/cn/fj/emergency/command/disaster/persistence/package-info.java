/** PostgreSQL storage of disaster events, their members and responses (R2DBC), written in the transaction that appends their events. */
@NullMarked
package cn.fj.emergency.command.disaster.persistence;

import org.jspecify.annotations.NullMarked;
