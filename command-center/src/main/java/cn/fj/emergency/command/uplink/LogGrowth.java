package cn.fj.emergency.command.uplink;

import org.springframework.stereotype.Component;

import cn.fj.emergency.command.stream.CommitListener;

/**
 * Tells the outbox tailer that this instance appended events, so that a level I report is queued for the national
 * platform at once rather than at the next poll. A bean of its own: the event log needs its listeners before the
 * tailer, which reads the log, can exist.
 */
@Component
class LogGrowth implements CommitListener {

	private final Rounds rounds = new Rounds();

	@Override
	public void committed(long lastSeq) {
		this.rounds.poke();
	}

	Rounds rounds() {
		return this.rounds;
	}

}
