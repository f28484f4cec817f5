package cn.fj.emergency.command.fault;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.NettyLeaks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 5% of the consoles stall: the others get every event and are never cut off, the stalled ones are cut off with
 * {@code SUBSCRIBER_TOO_SLOW} and a lastSeq they resume from without loss, and no subscriber's queue outgrows its
 * bound.
 */
@ExtendWith(NettyLeaks.Check.class)
class StalledConsolesTest {

	@Test
	void stalledConsolesAreCutOffResumablyWhileTheOthersKeepUp() {
		StalledConsolesDrill.Size size = StalledConsolesDrill.Size.forRun();
		StalledConsolesDrill.Result result = StalledConsolesDrill.run(size);
		System.out.println(result);

		List<Long> all = java.util.stream.LongStream.rangeClosed(result.start() + 1, result.head()).boxed().toList();
		assertThat(all).hasSize(2 * size.reportsPerPhase());
		for (int i = 0; i < result.healthy().size(); i++) {
			assertThat(result.healthy().get(i)).as("healthy console %d has every event once", i).isEqualTo(all);
			assertThat(result.healthyEndings().get(i)).as("healthy console %d was never cut off", i).isEmpty();
		}
		assertThat(result.during().deliveries()).isEqualTo(result.healthy().size() * size.reportsPerPhase());
		long calm = result.start() + size.reportsPerPhase();
		assertThat(result.stalledErrors()).hasSize(size.stalled());
		for (int i = 0; i < size.stalled(); i++) {
			JsonNode error = result.stalledErrors().get(i);
			assertThat(error.path("code").asString()).as("stalled console %d", i).isEqualTo("SUBSCRIBER_TOO_SLOW");
			assertThat(error.path("retryable").asBoolean()).isTrue();
			assertThat(result.stalledReceived().get(i)).isEqualTo(size.stallAfter());
			assertThat(error.path("lastSeq").asLong()).as("the last event it was given").isEqualTo(calm + size.stallAfter());
			assertThat(result.resumed().get(i)).as("resumed from lastSeq: the rest, once, in order")
				.isEqualTo(java.util.stream.LongStream.rangeClosed(calm + size.stallAfter() + 1, result.head()).boxed().toList());
		}
		assertThat(result.cutOffs()).as("only the stalled were cut off").isEqualTo(size.stalled());
		assertThat(result.maxLag()).as("the stalled queues filled up to their bound, never beyond")
			.isPositive()
			.isLessThanOrEqualTo(size.buffer());
	}

}
