package cn.fj.emergency.command.fault;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import cn.fj.emergency.command.support.NettyLeaks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis down for seconds under load: reports keep being acknowledged (Redis is not on their path) or get a
 * retryable refusal, consoles on both instances get every acknowledged report's event once, reports sent again
 * answer their first receipt, and presence comes back on its own.
 */
@ExtendWith(NettyLeaks.Check.class)
class RedisOutageTest {

	@Test
	void nothingAcknowledgedIsLostAndPresenceRecovers() {
		RedisOutageDrill.Result result = RedisOutageDrill.run(RedisOutageDrill.Size.forRun());
		System.out.println(result);

		assertThat(result.nonRetryable()).isEmpty();
		assertThat(result.refusals().keySet()).isSubsetOf(List.of("STORAGE_UNAVAILABLE", "HUB_OVERLOADED"));
		assertThat(result.receipts()).hasSize(result.reports());
		result.resent().forEach((reportId, receipt) -> assertThat(receipt).as("%s sent again", reportId)
			.isEqualTo(result.receipts().get(reportId)));
		assertThat(result.log()).hasSize(result.reports()).containsExactlyInAnyOrderElementsOf(result.acknowledgedSeqs());
		for (int i = 0; i < result.consoles().size(); i++) {
			assertThat(result.consoles().get(i)).as("console %d: every event once, in order", i)
				.containsExactlyElementsOf(result.log());
			assertThat(result.duplicates().get(i)).isZero();
		}
		assertThat(result.presenceDuringOutage()).as("who is connected, asked while Redis is down")
			.isEqualTo("503 STORAGE_UNAVAILABLE");
		assertThat(result.lateCityListed()).as("a platform that connected during the outage is listed afterwards").isTrue();
	}

}
