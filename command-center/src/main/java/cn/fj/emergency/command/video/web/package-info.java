/**
 * HTTP adapter of video: the source registry, console groups, dispatches, playback and consultation sessions
 * (docs/http-api.md#video).
 */
@NullMarked
package cn.fj.emergency.command.video.web;

import org.jspecify.annotations.NullMarked;
