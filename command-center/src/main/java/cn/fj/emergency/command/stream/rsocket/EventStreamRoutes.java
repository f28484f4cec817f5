package cn.fj.emergency.command.stream.rsocket;

import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.stream.EventStreams;
import cn.fj.emergency.command.stream.HubEvent;
import cn.fj.emergency.command.stream.StreamRequest;

/** The live event stream, on both RSocket transports (docs/city-link.md, docs/console-stream.md). */
@Controller
class EventStreamRoutes {

	private final EventStreams streams;

	EventStreamRoutes(EventStreams streams) {
		this.streams = streams;
	}

	@MessageMapping("events.stream")
	Flux<HubEvent> stream(StreamRequest request, HubPrincipal principal) {
		return this.streams.subscribe(principal, request);
	}

}
