/**
 * The event log: every change a console or city platform can see is appended in the same transaction
 * as the change, with a commit-ordered sequence number, and delivered live with backfill, per-event
 * authorisation and bounded per-subscriber buffers.
 */
@NullMarked
package cn.fj.emergency.command.stream;

import org.jspecify.annotations.NullMarked;
