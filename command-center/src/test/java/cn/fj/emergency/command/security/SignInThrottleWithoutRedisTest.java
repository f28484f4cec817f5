package cn.fj.emergency.command.security;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.test.StepVerifier;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While Redis cannot be reached, failed sign-ins are counted on the instance alone, with the same limits: sign-in
 * keeps working and guessing stays bounded. (The Redis here is a real client whose server is not running.)
 */
class SignInThrottleWithoutRedisTest {

	LettuceConnectionFactory factory;

	SignInThrottle throttle;

	@BeforeEach
	void throttleOnARedisThatIsDown() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
		this.factory.afterPropertiesSet();
		this.factory.start();
		this.throttle = new SignInThrottle(new ReactiveStringRedisTemplate(this.factory),
				new SignInProperties(3, 5, Duration.ofMinutes(15), List.of(), Duration.ofHours(24)), "hub-down");
	}

	@AfterEach
	void stop() {
		this.factory.destroy();
	}

	@Test
	void failuresAreCountedInMemoryAndLockTheUsernameAndTheAddress() {
		for (int i = 0; i < 3; i++) {
			StepVerifier.create(this.throttle.check("li.wei", "203.0.113.1")).verifyComplete();
			StepVerifier.create(this.throttle.failed("li.wei", "203.0.113.1")).verifyComplete();
		}
		StepVerifier.create(this.throttle.check("li.wei", "203.0.113.2")).verifyErrorSatisfies(error -> {
			assertThat(((HubException) error).code()).isEqualTo(ErrorCode.SIGN_IN_THROTTLED);
			assertThat((Long) ((HubException) error).details().get("retryAfterSeconds")).isBetween(890L, 900L);
		});
		StepVerifier.create(this.throttle.check("wang.fang", "203.0.113.1")).verifyComplete();
		StepVerifier.create(this.throttle.failed("wang.fang", "203.0.113.1")).verifyComplete();
		StepVerifier.create(this.throttle.failed("zhao.min", "203.0.113.1")).verifyComplete();
		StepVerifier.create(this.throttle.check("chen.jie", "203.0.113.1")).verifyErrorSatisfies(
				error -> assertThat(((HubException) error).code()).isEqualTo(ErrorCode.SIGN_IN_THROTTLED));
	}

	@Test
	void aSuccessForgetsTheUsernamesFailures() {
		for (int i = 0; i < 2; i++) {
			StepVerifier.create(this.throttle.failed("li.wei", "203.0.113." + i)).verifyComplete();
		}
		StepVerifier.create(this.throttle.succeeded("li.wei")).verifyComplete();
		for (int i = 0; i < 2; i++) {
			StepVerifier.create(this.throttle.failed("li.wei", "203.0.113." + (10 + i))).verifyComplete();
		}
		StepVerifier.create(this.throttle.check("li.wei", "203.0.113.20")).verifyComplete();
	}

}
