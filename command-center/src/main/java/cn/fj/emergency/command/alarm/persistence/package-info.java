/** The alarm table, the alarm tailer's cursor and the platforms' last known presence (V20). */
@NullMarked
package cn.fj.emergency.command.alarm.persistence;

import org.jspecify.annotations.NullMarked;
