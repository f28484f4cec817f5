package cn.fj.emergency.command.stream.rsocket;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.stream.EventStreams;
import cn.fj.emergency.command.stream.StreamRequest;

/**
 * The live event stream, on both RSocket transports (docs/city-link.md, docs/console-stream.md). Each event is
 * serialised once ({@link EncodedEvents}), not once per stream.
 */
@Controller
class EventStreamRoutes {

	private final EventStreams streams;

	private final EncodedEvents encoded;

	EventStreamRoutes(EventStreams streams, EncodedEvents encoded) {
		this.streams = streams;
		this.encoded = encoded;
	}

	@MessageMapping("events.stream")
	Flux<DataBuffer> stream(StreamRequest request, HubPrincipal principal) {
		return this.streams.subscribe(principal, request)
			.map(event -> DefaultDataBufferFactory.sharedInstance.wrap(this.encoded.encode(event)));
	}

}
