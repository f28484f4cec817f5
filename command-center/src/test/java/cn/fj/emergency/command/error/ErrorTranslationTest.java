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

	@Test
	void aValueTheDatabaseRefusesIsAnInvalidRequestNotRetryable() {
		HubException translated = ErrorTranslation.translate(new RuntimeException(
				new R2dbcNonTransientResourceException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")));

		assertThat(translated.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
		assertThat(translated.code().retryable()).isFalse();
		assertThat(translated.getMessage()).doesNotContain("UTF8").doesNotContain("0x00");
	}

	@Test
	void aLostConnectionIsStillStorageUnavailable() {
		assertThat(ErrorTranslation.translate(new R2dbcNonTransientResourceException("connection lost", "08006")).code())
			.isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
	}

	@Test
	void aRefusalWrappedByAFrameworkPassesThrough() {
		HubException refusal = new HubException(ErrorCode.INVALID_REQUEST, "The request's data is JSON null");

		assertThat(ErrorTranslation.translate(new IllegalStateException("wrapped", refusal))).isSameAs(refusal);
	}

}
