/**
 * Micro-batching: concurrent requests gathered into one transaction, one batch in flight at a time.
 */
@NullMarked
package cn.fj.emergency.command.batch;

import org.jspecify.annotations.NullMarked;
