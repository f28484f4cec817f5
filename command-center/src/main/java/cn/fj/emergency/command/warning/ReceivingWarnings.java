package cn.fj.emergency.command.warning;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.stream.EventStreams;
import cn.fj.emergency.command.stream.HubEvent;
import cn.fj.emergency.command.stream.StreamRequest;

/**
 * A city platform receives the warnings covering it: the {@code warnings} stream of the event log as the city may
 * see it (only events naming its city: publications, updates, cancellations and expiries of warnings that cover it),
 * resumable with {@code after}.
 */
@Component
public class ReceivingWarnings {

	private final EventStreams streams;

	ReceivingWarnings(EventStreams streams) {
		this.streams = streams;
	}

	public Flux<HubEvent> stream(HubPrincipal city, @Nullable Long after) {
		return this.streams.subscribe(city, new StreamRequest(after, Set.of(HubWarningEvents.STREAM), null));
	}

}
