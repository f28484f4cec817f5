/**
 * RSocket route for the live event stream (consoles over WebSocket, city platforms over TCP).
 */
@NullMarked
package cn.fj.emergency.command.stream.rsocket;

import org.jspecify.annotations.NullMarked;
