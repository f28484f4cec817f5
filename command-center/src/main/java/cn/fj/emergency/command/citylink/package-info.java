/**
 * The city-platform link and the console stream transports: RSocket over TCP (city platforms) and RSocket over
 * WebSocket on the HTTP port at {@code /rsocket} (consoles), both authenticated from the SETUP frame.
 */
@NullMarked
package cn.fj.emergency.command.citylink;

import org.jspecify.annotations.NullMarked;
