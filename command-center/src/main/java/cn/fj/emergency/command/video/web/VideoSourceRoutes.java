package cn.fj.emergency.command.video.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.video.RegisteringVideoSource;
import cn.fj.emergency.command.video.VideoSource;
import cn.fj.emergency.command.video.VideoSourceQueries;

/** The video source registry over HTTP (docs/http-api.md#video-sources). Stream addresses go in, never out. */
@RestController
@RequestMapping("/api/video/sources")
class VideoSourceRoutes {

	private final RegisteringVideoSource registering;

	private final VideoSourceQueries queries;

	VideoSourceRoutes(RegisteringVideoSource registering, VideoSourceQueries queries) {
		this.registering = registering;
		this.queries = queries;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<VideoSource.View> register(HubPrincipal principal, @RequestBody VideoSource.Registration registration) {
		return this.registering.register(principal, registration);
	}

	@PutMapping("/{id}")
	Mono<VideoSource.View> update(HubPrincipal principal, @PathVariable UUID id,
			@RequestBody VideoSource.Registration registration) {
		return this.registering.update(principal, id, registration);
	}

	@GetMapping
	Flux<VideoSource.View> list(HubPrincipal principal, @RequestParam(required = false) @Nullable String cityCode) {
		return this.queries.list(principal, cityCode);
	}

	@GetMapping("/{id}")
	Mono<VideoSource.View> source(HubPrincipal principal, @PathVariable UUID id) {
		return this.queries.find(principal, id);
	}

}
