/**
 * National uplink: every level I or II incident and every raise of a level is forwarded to the national platform
 * (an RSocket peer) through a durable outbox filled from the event log, retried with backoff until the peer
 * acknowledges it; officers see which forwards are still not acknowledged upstream.
 */
@NullMarked
package cn.fj.emergency.command.uplink;

import org.jspecify.annotations.NullMarked;
