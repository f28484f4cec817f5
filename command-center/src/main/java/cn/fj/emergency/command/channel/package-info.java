/**
 * The alerting module's broadcast channels, wired into the hub: their beans, and their delivery events on the live
 * stream ({@code deliveries}, province officers only).
 */
@NullMarked
package cn.fj.emergency.command.channel;

import org.jspecify.annotations.NullMarked;
