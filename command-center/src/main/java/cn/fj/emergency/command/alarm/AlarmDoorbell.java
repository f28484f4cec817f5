package cn.fj.emergency.command.alarm;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import cn.fj.emergency.command.stream.CommitListener;

/**
 * Tells the alarm tailer that this instance appended events, so that a level I report alarms at once rather than at
 * the next poll. A bean of its own: the event log needs its listeners before the tailer, which reads the log, exists.
 */
@Component
class AlarmDoorbell implements CommitListener {

	private final Sinks.Many<Long> pokes = Sinks.many().multicast().directBestEffort();

	/** May be lost when racing another poke: the round that one starts, or the next poll, covers it. */
	@Override
	public void committed(long lastSeq) {
		this.pokes.tryEmitNext(lastSeq);
	}

	Flux<Long> rings() {
		return this.pokes.asFlux();
	}

}
