/**
 * The RSocket client of the national platform: one connection from the SETUP frame's bearer token, re-made on
 * loss, and one request-response per forward (docs/national-uplink.md).
 */
@NullMarked
package cn.fj.emergency.command.uplink.rsocket;

import org.jspecify.annotations.NullMarked;
