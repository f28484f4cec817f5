package cn.fj.emergency.command.uplink;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BackoffTest {

	final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10));

	@Test
	void waitsDoubleWithEachFailedAttempt() {
		assertThat(this.backoff.delay(1, 0.999)).isBetween(Duration.ofMillis(99), Duration.ofMillis(100));
		assertThat(this.backoff.delay(2, 0.999)).isBetween(Duration.ofMillis(199), Duration.ofMillis(200));
		assertThat(this.backoff.delay(4, 0.999)).isBetween(Duration.ofMillis(799), Duration.ofMillis(800));
	}

	@Test
	void jitterKeepsTheWaitInTheUpperHalfOfItsStep() {
		assertThat(this.backoff.delay(3, 0.0)).isEqualTo(Duration.ofMillis(200));
		assertThat(this.backoff.delay(3, 0.5)).isEqualTo(Duration.ofMillis(300));
	}

	@Test
	void theWaitIsCappedHoweverManyAttempts() {
		assertThat(this.backoff.delay(30, 0.999)).isLessThanOrEqualTo(Duration.ofSeconds(10));
		assertThat(this.backoff.delay(Integer.MAX_VALUE, 0.0)).isEqualTo(Duration.ofSeconds(5));
		assertThat(this.backoff.delay(1000, 0.999)).isGreaterThan(Duration.ofMillis(9990));
	}

	@Test
	void refusesAMaximumBelowTheMinimum() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
	}

}
