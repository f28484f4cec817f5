package cn.fj.emergency.command.fault;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import cn.fj.emergency.command.support.NettyLeaks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The primary PostgreSQL killed under load and its synchronous replica promoted behind the same address: platforms
 * are refused only retryably, the hub carries on without a restart, every acknowledged report is on the new primary
 * and on every console's stream once, in order, with no gap (docs/deployment.md, "PostgreSQL with replicas").
 */
@ExtendWith(NettyLeaks.Check.class)
class PrimaryFailoverTest {

	@Test
	void withSynchronousReplicationNothingAcknowledgedIsLostAcrossAFailover() {
		PrimaryFailoverDrill.Result result = PrimaryFailoverDrill.run(PrimaryFailoverDrill.Size.forRun());
		System.out.println(result);

		assertThat(result.syncState()).as("the replica was synchronous").isEqualTo("sync");
		assertThat(result.acknowledgedBeforeFailure()).as("failed over under load").isLessThan(result.reports());
		assertThat(result.refusals().keySet()).as("refused only retryably")
			.isSubsetOf(List.of("STORAGE_UNAVAILABLE", "HUB_OVERLOADED", "CONNECTION_LOST"));
		assertThat(result.nonRetryable()).isEmpty();
		assertThat(result.receipts()).as("every report acknowledged in the end").hasSize(result.reports());
		assertThat(result.stored()).as("every acknowledged report is on the promoted replica")
			.containsAll(result.receipts().keySet())
			.hasSize(result.reports());
		assertThat(result.log()).as("one event per report in its log").hasSize(result.reports())
			.containsExactlyInAnyOrderElementsOf(result.acknowledgedSeqs());
		for (int i = 0; i < result.consoles().size(); i++) {
			assertThat(result.consoles().get(i)).as("console %d: every event once, in order", i)
				.containsExactlyElementsOf(result.log());
			assertThat(result.duplicates().get(i)).isZero();
		}
	}

}
