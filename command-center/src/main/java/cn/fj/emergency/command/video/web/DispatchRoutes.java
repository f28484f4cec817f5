package cn.fj.emergency.command.video.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.video.DispatchingVideo;
import cn.fj.emergency.command.video.PlayingVideo;
import cn.fj.emergency.command.video.VideoDispatch;

/** Video dispatches and playback grants over HTTP (docs/http-api.md#video-dispatches). */
@RestController
@RequestMapping("/api/video/dispatches")
class DispatchRoutes {

	private final DispatchingVideo dispatching;

	private final PlayingVideo playing;

	DispatchRoutes(DispatchingVideo dispatching, PlayingVideo playing) {
		this.dispatching = dispatching;
		this.playing = playing;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<VideoDispatch.View> dispatch(HubPrincipal principal, @RequestBody VideoDispatch.Request request) {
		return this.dispatching.dispatch(principal, request);
	}

	/** {@code incidentId}: that incident's dispatches; without it, every active dispatch the caller may see. */
	@GetMapping
	Flux<VideoDispatch.View> forIncident(HubPrincipal principal, @RequestParam(required = false) @Nullable UUID incidentId) {
		return incidentId == null ? this.dispatching.active(principal) : this.dispatching.forIncident(incidentId);
	}

	@GetMapping("/{id}")
	Mono<VideoDispatch.View> dispatch(HubPrincipal principal, @PathVariable UUID id) {
		return this.dispatching.view(principal, id);
	}

	@PostMapping("/{id}/withdraw")
	Mono<VideoDispatch.View> withdraw(HubPrincipal principal, @PathVariable UUID id,
			@RequestBody(required = false) VideoDispatch.@Nullable Withdrawal withdrawal) {
		return this.dispatching.withdraw(principal, id, withdrawal == null ? new VideoDispatch.Withdrawal(null) : withdrawal);
	}

	@PostMapping("/{id}/playback")
	Mono<PlayingVideo.Grant> playback(HubPrincipal principal, @PathVariable UUID id) {
		return this.playing.grant(principal, id);
	}

}
