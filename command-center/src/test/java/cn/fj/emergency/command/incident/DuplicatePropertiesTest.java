package cn.fj.emergency.command.incident;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The screen's settings: a radius the grid-cell walk (schema V11) covers in bounded time, or no start. */
class DuplicatePropertiesTest {

	@Test
	void aRadiusUpToFiveKilometresIsTaken() {
		assertThatNoException().isThrownBy(() -> new DuplicateProperties(true, 5000, Duration.ofHours(2), 10));
		assertThatNoException().isThrownBy(() -> new DuplicateProperties(true, 1, Duration.ofHours(2), 10));
	}

	@Test
	void aRadiusBeyondFiveKilometresOrNoneIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DuplicateProperties(true, 5001, Duration.ofHours(2), 10))
			.withMessageContaining("hub.incidents.duplicates.radius");
		assertThatIllegalArgumentException().isThrownBy(() -> new DuplicateProperties(true, 0, Duration.ofHours(2), 10));
		assertThatIllegalArgumentException().isThrownBy(() -> new DuplicateProperties(true, Double.NaN, Duration.ofHours(2), 10));
	}

	@Test
	void anEmptyWindowOrNoCandidateIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DuplicateProperties(true, 1000, Duration.ZERO, 10));
		assertThatIllegalArgumentException().isThrownBy(() -> new DuplicateProperties(true, 1000, Duration.ofHours(2), 0));
	}

}
