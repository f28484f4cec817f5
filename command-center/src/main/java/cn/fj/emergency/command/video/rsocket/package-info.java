/**
 * City-link routes of video: the resumable stream of dispatches addressed to a city platform, and joining and
 * leaving consultation sessions (docs/city-link.md).
 */
@NullMarked
package cn.fj.emergency.command.video.rsocket;

import org.jspecify.annotations.NullMarked;
