/**
 * Periodic checks of one instance (overdue orders, expired warnings): one at a time, bounded, outliving failures.
 */
@NullMarked
package cn.fj.emergency.command.schedule;

import org.jspecify.annotations.NullMarked;
