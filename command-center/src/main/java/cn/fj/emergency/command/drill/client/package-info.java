/**
 * Clients of the hub written from its documentation alone, as an outside team would (docs/city-link.md,
 * docs/console-stream.md, docs/http-api.md): nothing here uses the hub's own classes. Non-blocking throughout; the
 * scenario player and the benchmark harness drive the hub with them.
 */
@NullMarked
package cn.fj.emergency.command.drill.client;

import org.jspecify.annotations.NullMarked;
