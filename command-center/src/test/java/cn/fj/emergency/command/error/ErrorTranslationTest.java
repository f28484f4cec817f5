package cn.fj.emergency.command.error;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.junit.jupiter.api.Test;
import reactor.pool.PoolAcquirePendingLimitException;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorTranslationTest {

	@Test
	void aFullConnectionPoolIsStorageUnavailableNotABug() {
		HubException translated = ErrorTranslation.translate(new IllegalStateException("acquire failed",
				new PoolAcquirePendingLimitException(100)));

		assertThat(translated.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
		assertThat(translated.code().retryable()).isTrue();
	}

	@Test
	void aWrappedDriverFailureIsStorageUnavailable() {
		HubException translated = ErrorTranslation
			.translate(new RuntimeException(new R2dbcNonTransientResourceException("connection refused")));

		assertThat(translated.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
	}

	@Test
	void anythingElseIsAnInternalError() {
		assertThat(ErrorTranslation.translate(new IllegalStateException("bug")).code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
	}

	@Test
	void aRefusalPassesThrough() {
		HubException refusal = new HubException(ErrorCode.NOT_FOUND, "No incident");

		assertThat(ErrorTranslation.translate(refusal)).isSameAs(refusal);
	}

}
