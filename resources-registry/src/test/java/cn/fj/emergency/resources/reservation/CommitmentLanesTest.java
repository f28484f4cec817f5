package cn.fj.emergency.resources.reservation;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lanes that batch commitments: a lone call goes at once, calls that come while a batch runs form the next
 * batch (at most the bound, in the order they came), lanes do not hold each other up, and an idle lane is dropped.
 */
class CommitmentLanesTest {

	/** Batches as they were started, each held open until the test completes it. */
	final List<List<String>> started = new ArrayList<>();

	final List<Sinks.Empty<Void>> running = new ArrayList<>();

	CommitmentLanes<String> lanes(int maxBatch) {
		return new CommitmentLanes<>(maxBatch, calls -> {
			Sinks.Empty<Void> done = Sinks.empty();
			this.started.add(List.copyOf(calls));
			this.running.add(done);
			return done.asMono();
		});
	}

	void finish(int batch) {
		this.running.get(batch).tryEmitEmpty();
	}

	@Test
	void aLoneCallGoesAtOnceAndTheNextBatchFormsWhileOneRuns() {
		CommitmentLanes<String> lanes = lanes(3);

		lanes.submit("A", "a1");
		assertThat(this.started).containsExactly(List.of("a1"));

		for (int i = 2; i <= 6; i++) {
			lanes.submit("A", "a" + i);
		}
		assertThat(this.started).hasSize(1);

		finish(0);
		assertThat(this.started).containsExactly(List.of("a1"), List.of("a2", "a3", "a4"));
		finish(1);
		assertThat(this.started.get(2)).containsExactly("a5", "a6");
		finish(2);
		assertThat(lanes.busyLanes()).isZero();

		lanes.submit("A", "a7");
		assertThat(this.started.get(3)).containsExactly("a7");
	}

	@Test
	void lanesOfOtherBalancesDoNotWait() {
		CommitmentLanes<String> lanes = lanes(64);

		lanes.submit("A", "a1");
		lanes.submit("B", "b1");
		lanes.submit("A", "a2");

		assertThat(this.started).containsExactly(List.of("a1"), List.of("b1"));
		assertThat(lanes.busyLanes()).isEqualTo(2);
		finish(1);
		assertThat(lanes.busyLanes()).isEqualTo(1);
		finish(0);
		assertThat(this.started.get(2)).containsExactly("a2");
	}

	@Test
	void aBatchThatFailsDoesNotStopItsLane() {
		List<List<String>> seen = new ArrayList<>();
		CommitmentLanes<String> lanes = new CommitmentLanes<>(8, calls -> {
			seen.add(List.copyOf(calls));
			return calls.contains("bad") ? Mono.error(new IllegalStateException("broken")) : Mono.empty();
		});

		lanes.submit("A", "bad");
		lanes.submit("A", "good");

		assertThat(seen).containsExactly(List.of("bad"), List.of("good"));
		assertThat(lanes.busyLanes()).isZero();
	}

}
