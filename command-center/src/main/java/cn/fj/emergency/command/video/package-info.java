/**
 * Video: a registry of video sources (CCTV, flood cameras, drones, mobile units, conference rooms), dispatches of
 * a source to consoles, console groups or city platforms for an incident, playback through short-lived signed
 * tokens so a stream address is never handed out bare, and video consultation sessions (docs/video.md).
 */
@NullMarked
package cn.fj.emergency.command.video;

import org.jspecify.annotations.NullMarked;
