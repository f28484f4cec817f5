package cn.fj.emergency.command.video.web;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.video.PlayingVideo;

/**
 * The playback URL: open, since players cannot send a bearer header; the signed token in the path is the
 * credential. A valid token is answered with a redirect to the stream, never cached (docs/video.md#playback).
 */
@RestController
class PlayRoutes {

	private final PlayingVideo playing;

	PlayRoutes(PlayingVideo playing) {
		this.playing = playing;
	}

	@GetMapping(PlayingVideo.PLAY_PATH + "{token}")
	Mono<ResponseEntity<Void>> play(@PathVariable String token) {
		return this.playing.resolve(token)
			.map(stream -> ResponseEntity.status(HttpStatus.TEMPORARY_REDIRECT)
				.location(stream)
				.cacheControl(CacheControl.noStore())
				.header("Referrer-Policy", "no-referrer")
				.build());
	}

}
