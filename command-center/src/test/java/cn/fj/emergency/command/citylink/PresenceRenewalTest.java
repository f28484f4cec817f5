package cn.fj.emergency.command.citylink;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.rsocket.RSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.Role;
import cn.fj.emergency.command.support.TcpRelay;
import cn.fj.emergency.command.support.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Renewal rounds slower than their interval (Redis silent, every write waiting out its timeout) do not end the
 * renewals: once Redis answers again, this instance's connections are written again, so they do not drop out of
 * "who is connected" while they stay open. (With an interval that overflowed, the renewals stopped for good.)
 */
class PresenceRenewalTest {

	static final String NAMESPACE = "presence-renewal";

	TcpRelay relay;

	LettuceConnectionFactory throughRelay;

	LettuceConnectionFactory direct;

	ReactiveStringRedisTemplate redis;

	Presence presence;

	@BeforeEach
	void connectThroughARelay() {
		int port = TestInfrastructure.get().redis().port();
		this.relay = new TcpRelay(port);
		this.throughRelay = factory(this.relay.port());
		this.direct = factory(port);
		this.redis = new ReactiveStringRedisTemplate(this.direct);
		// renewed every 20 ms, so that a silence of a few seconds leaves far more ticks than the renewals can queue
		this.presence = new Presence(new ReactiveStringRedisTemplate(this.throughRelay), JsonMapper.builder().build(),
				Clock.systemUTC(), NAMESPACE, Duration.ofMillis(20));
		this.presence.start();
	}

	@AfterEach
	void close() {
		this.presence.stop();
		this.throughRelay.destroy();
		this.direct.destroy();
		this.relay.close();
	}

	@Test
	void renewalsGoOnAfterRoundsSlowerThanTheirInterval() throws InterruptedException {
		for (String city : List.of("350100", "350200", "350300")) {
			this.presence.opened(new RSocket() {
			}, new HubPrincipal("city:" + city, HubPrincipal.Kind.SERVICE, Set.of(Role.CITY_PLATFORM), city, null,
					Instant.now().plusSeconds(3600)));
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> keys().size() == 3);

		// Redis goes silent for three seconds: each round waits out its writes' timeout (2 s)
		this.relay.stall();
		Thread.sleep(3000);
		// then the link is reset and comes back; the keys are gone meanwhile (as after their time to live)
		this.relay.cut();
		this.relay.up();
		this.redis.delete(keys().toArray(String[]::new)).block(Duration.ofSeconds(5));
		assertThat(keys()).isEmpty();

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(keys()).hasSize(3));
	}

	private List<String> keys() {
		return this.redis.scan(ScanOptions.scanOptions().match(NAMESPACE + ":presence:*").count(100).build())
			.collectList()
			.block(Duration.ofSeconds(5));
	}

	private static LettuceConnectionFactory factory(int port) {
		RedisStandaloneConfiguration server = new RedisStandaloneConfiguration("127.0.0.1", port);
		server.setPassword(TestInfrastructure.get().redis().password());
		LettuceConnectionFactory factory = new LettuceConnectionFactory(server);
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

}
