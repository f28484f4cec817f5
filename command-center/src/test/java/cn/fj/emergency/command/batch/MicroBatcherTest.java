package cn.fj.emergency.command.batch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

import static org.assertj.core.api.Assertions.assertThat;

class MicroBatcherTest {

	@Test
	void requestsArrivingDuringAWriteFormTheNextBatch() {
		List<List<Integer>> batches = new CopyOnWriteArrayList<>();
		Sinks.One<Boolean> firstWrite = Sinks.one();
		MicroBatcher<Integer, String> batcher = new MicroBatcher<>("numbers", 100, 1000, batch -> {
			batches.add(batch);
			Mono<List<String>> answers = Mono.just(batch.stream().map(i -> "#" + i).toList());
			return batches.size() == 1 ? firstWrite.asMono().then(answers) : answers;
		});

		StepVerifier.create(Flux.range(1, 5).flatMap(batcher::submit).collectList())
			.then(() -> firstWrite.tryEmitValue(true))
			.assertNext(answers -> assertThat(answers).containsExactlyInAnyOrder("#1", "#2", "#3", "#4", "#5"))
			.verifyComplete();
		assertThat(batches).containsExactly(List.of(1), List.of(2, 3, 4, 5));
	}

	@Test
	void batchesAreNoLargerThanTheMaximum() {
		List<Integer> sizes = new CopyOnWriteArrayList<>();
		Sinks.One<Boolean> firstWrite = Sinks.one();
		MicroBatcher<Integer, Integer> batcher = new MicroBatcher<>("numbers", 3, 1000, batch -> {
			sizes.add(batch.size());
			Mono<List<Integer>> answers = Mono.just(batch);
			return sizes.size() == 1 ? firstWrite.asMono().then(answers) : answers;
		});

		StepVerifier.create(Flux.range(1, 8).flatMap(batcher::submit).count())
			.then(() -> firstWrite.tryEmitValue(true))
			.expectNext(8L)
			.verifyComplete();
		assertThat(sizes).containsExactly(1, 3, 3, 1);
	}

	@Test
	void refusesBeyondTheQueueBound() {
		MicroBatcher<Integer, Integer> batcher = new MicroBatcher<>("numbers", 1, 2, batch -> Mono.never());

		StepVerifier.create(Flux.range(1, 4).flatMap(i -> batcher.submit(i).timeout(Duration.ofMillis(200))
				.onErrorResume(java.util.concurrent.TimeoutException.class, ex -> Mono.just(-i))))
			.expectNextCount(0)
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(HubException.class,
					ex -> assertThat(ex.code()).isEqualTo(ErrorCode.HUB_OVERLOADED)))
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void aFailedBatchFailsEveryRequestInItAndTheNextBatchStillRuns() {
		MicroBatcher<Integer, Integer> batcher = new MicroBatcher<>("numbers", 10, 100,
				batch -> batch.contains(1) ? Mono.error(new IllegalStateException("disk full")) : Mono.just(batch));

		StepVerifier.create(batcher.submit(1)).expectErrorMessage("disk full").verify(Duration.ofSeconds(5));
		StepVerifier.create(batcher.submit(2)).expectNext(2).verifyComplete();
	}

	@Test
	void severalBatchesAreWrittenAtOnceUpToTheMaximumInFlight() {
		List<List<Integer>> batches = new CopyOnWriteArrayList<>();
		List<Sinks.One<Boolean>> releases = new CopyOnWriteArrayList<>();
		MicroBatcher<Integer, Integer> batcher = new MicroBatcher<>("numbers", 100, 1000, 2, batch -> {
			batches.add(batch);
			Sinks.One<Boolean> release = Sinks.one();
			releases.add(release);
			return release.asMono().thenReturn(batch);
		});

		StepVerifier.create(Flux.range(1, 6).flatMap(batcher::submit).collectList())
			// two batches of one went out at once; the other four wait for a slot
			.then(() -> assertThat(batches).containsExactly(List.of(1), List.of(2)))
			.then(() -> releases.get(1).tryEmitValue(true))
			.then(() -> assertThat(batches).containsExactly(List.of(1), List.of(2), List.of(3, 4, 5, 6)))
			.then(() -> releases.get(0).tryEmitValue(true))
			.then(() -> releases.get(2).tryEmitValue(true))
			.assertNext(answers -> assertThat(answers).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6))
			.verifyComplete();
		assertThat(batches).hasSize(3);
	}

}
