/**
 * PostgreSQL storage of command orders, their targets and acknowledgements (R2DBC), written in the transaction
 * that appends their events.
 */
@NullMarked
package cn.fj.emergency.command.order.persistence;

import org.jspecify.annotations.NullMarked;
