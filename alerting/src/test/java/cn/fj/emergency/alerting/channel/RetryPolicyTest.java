package cn.fj.emergency.alerting.channel;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Backoff between delivery attempts, and when a delivery is given up. */
class RetryPolicyTest {

	final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(10));

	@Test
	void delaysDoubleUpToTheCap() {
		assertThat(List.of(1, 2, 3, 4, 5, 40).stream().map(this.policy::delayAfter).toList()).containsExactly(
				Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(10),
				Duration.ofSeconds(10), Duration.ofSeconds(10));
	}

	@Test
	void givesUpAfterTheMaximumAttempts() {
		assertThat(this.policy.exhausted(4)).isFalse();
		assertThat(this.policy.exhausted(5)).isTrue();
	}

	@Test
	void refusesACapBelowTheFirstDelay() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(1)));
	}

}
