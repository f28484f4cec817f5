package cn.fj.emergency.command.fault;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import cn.fj.emergency.command.support.NettyLeaks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consoles of an instance killed mid-stream resume on the other instance and get every event exactly once, with
 * no gap; nothing acknowledged is lost and reports retried on the other instance are not stored twice.
 */
@ExtendWith(NettyLeaks.Check.class)
class KilledInstanceTest {

	@Test
	void consolesOfAKilledInstanceResumeOnTheOtherWithoutGapOrDuplicate() {
		KilledInstanceDrill.Result result = KilledInstanceDrill.run(KilledInstanceDrill.Size.forRun());
		System.out.println(result);

		assertThat(result.acknowledgedBeforeKill()).as("killed mid-stream").isLessThan(result.reports());
		assertThat(result.nonRetryable()).isEmpty();
		assertThat(result.receipts()).as("every report acknowledged in the end").hasSize(result.reports());
		assertThat(result.acknowledgedSeqs()).as("one event per report, however often sent").hasSize(result.reports());
		assertThat(result.log()).as("every acknowledged report's event is in the log")
			.containsAll(result.acknowledgedSeqs())
			.hasSize(result.reports());
		for (int i = 0; i < result.consoles().size(); i++) {
			assertThat(result.consoles().get(i)).as("console %d: every event of the log once, in order", i)
				.containsExactlyElementsOf(result.log());
			assertThat(result.duplicates().get(i)).as("console %d: nothing received twice", i).isZero();
			assertThat(result.endings().get(i)).as("console %d lost its stream to the kill and resumed", i)
				.containsKey(Reporter.CONNECTION_LOST);
		}
		assertThat(result.refusals()).as("A's platforms lost their connection").containsKey(Reporter.CONNECTION_LOST);
		assertThat(result.refusals().keySet()).as("and were refused nothing but retryably")
			.isSubsetOf(List.of(Reporter.CONNECTION_LOST, "STORAGE_UNAVAILABLE", "HUB_OVERLOADED"));
		assertThat(Map.copyOf(result.refusals())).doesNotContainKey(Reporter.NO_ANSWER);
	}

}
