/**
 * The video tables: sources, console groups, dispatches and consultation sessions. Writes run inside the
 * transaction that appends their events.
 */
@NullMarked
package cn.fj.emergency.command.video.persistence;

import org.jspecify.annotations.NullMarked;
