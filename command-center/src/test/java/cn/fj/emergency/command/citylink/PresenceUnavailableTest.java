package cn.fj.emergency.command.citylink;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.support.TcpRelay;
import cn.fj.emergency.command.support.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asking who is connected while Redis is unavailable is a retryable {@code STORAGE_UNAVAILABLE}, however the
 * failure reaches the client: the link reset and reconnection refused (which Lettuce hands over as a bare
 * {@code IOException}), or no answer at all.
 */
class PresenceUnavailableTest {

	TcpRelay relay;

	LettuceConnectionFactory factory;

	Presence presence;

	@BeforeEach
	void connectThroughARelay() {
		this.relay = new TcpRelay(TestInfrastructure.get().redis().port());
		RedisStandaloneConfiguration server = new RedisStandaloneConfiguration("127.0.0.1", this.relay.port());
		server.setPassword(TestInfrastructure.get().redis().password());
		this.factory = new LettuceConnectionFactory(server);
		this.factory.afterPropertiesSet();
		this.factory.start();
		this.presence = new Presence(new ReactiveStringRedisTemplate(this.factory), JsonMapper.builder().build(),
				Clock.systemUTC(), "presence-unavailable");
		StepVerifier.create(this.presence.connected()).expectComplete().verify(Duration.ofSeconds(10));
	}

	@AfterEach
	void close() {
		this.factory.destroy();
		this.relay.close();
	}

	@Test
	void aResetLinkIsStorageUnavailable() {
		this.relay.cut();
		StepVerifier.create(this.presence.connected())
			.expectErrorSatisfies(PresenceUnavailableTest::storageUnavailable)
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void noAnswerIsStorageUnavailableAfterTheReadTimeout() {
		this.relay.stall();
		StepVerifier.create(this.presence.connected())
			.expectErrorSatisfies(PresenceUnavailableTest::storageUnavailable)
			.verify(Presence.READ_TIMEOUT.plusSeconds(5));
	}

	private static void storageUnavailable(Throwable error) {
		assertThat(error).isInstanceOf(HubException.class);
		assertThat(((HubException) error).code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
	}

}
