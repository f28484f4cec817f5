package cn.fj.emergency.command;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Every other test would pass unnoticed if BlockHound were not installed: this one proves it is. */
class BlockHoundInstalledTest {

	@Test
	void blockingOnANonBlockingThreadIsCaught() {
		Mono<Void> sleeper = Mono.<Void>fromRunnable(() -> {
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}).subscribeOn(Schedulers.parallel());

		StepVerifier.create(sleeper).expectError(BlockingOperationError.class).verify(Duration.ofSeconds(5));
	}

}
