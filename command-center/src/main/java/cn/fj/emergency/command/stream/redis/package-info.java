/**
 * Redis doorbell: after commit an instance tells the others that the log has grown. Not the record.
 */
@NullMarked
package cn.fj.emergency.command.stream.redis;

import org.jspecify.annotations.NullMarked;
