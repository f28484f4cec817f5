package cn.fj.emergency.command.fault;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import cn.fj.emergency.command.support.NettyLeaks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL restarted under load: platforms are refused with the retryable {@code STORAGE_UNAVAILABLE}, never
 * left without an answer; the hub recovers without a restart; every acknowledged report is in the database and on
 * every console's stream once; reports sent again answer their first receipt.
 */
@ExtendWith(NettyLeaks.Check.class)
class DatabaseRestartTest {

	@Test
	void clientsAreToldToRetryAndNothingAcknowledgedIsLost() {
		DatabaseRestartDrill.Result result = DatabaseRestartDrill.run(DatabaseRestartDrill.Size.forRun());
		System.out.println(result);

		assertThat(result.acknowledgedBeforeStop()).as("stopped under load").isLessThan(result.reports());
		assertThat(result.refusals()).as("refused while the database was down").containsKey("STORAGE_UNAVAILABLE");
		assertThat(result.refusals().keySet()).as("with a retryable code, answered, on a connection that stays")
			.isSubsetOf(List.of("STORAGE_UNAVAILABLE", "HUB_OVERLOADED"));
		assertThat(result.nonRetryable()).isEmpty();
		assertThat(result.retried()).isNotEmpty();
		assertThat(result.receipts()).as("the hub recovered: every report acknowledged in the end").hasSize(result.reports());
		assertThat(result.stored()).as("every acknowledged report is in the database")
			.containsAll(result.receipts().keySet())
			.hasSize(result.reports());
		assertThat(result.resent()).isNotEmpty();
		result.resent().forEach((reportId, receipt) -> assertThat(receipt).as("%s sent again", reportId)
			.isEqualTo(result.receipts().get(reportId)));
		assertThat(result.log()).as("one event per report in the log").hasSize(result.reports())
			.containsExactlyInAnyOrderElementsOf(result.acknowledgedSeqs());
		for (int i = 0; i < result.consoles().size(); i++) {
			assertThat(result.consoles().get(i)).as("console %d: every event once, in order", i)
				.containsExactlyElementsOf(result.log());
			assertThat(result.duplicates().get(i)).isZero();
			assertThat(result.endings().get(i).keySet()).as("console %d: its stream ended only retryably", i)
				.isSubsetOf(List.of("STORAGE_UNAVAILABLE"));
		}
	}

}
