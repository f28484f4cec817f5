package cn.fj.emergency.command.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who did what is recorded, on every instance into one hash chain; changing or removing a record is detected.
 */
class AuditTrailTest {

	static List<Hub> hubs;

	@BeforeAll
	static void startTwoInstances() {
		hubs = Hub.cluster(2);
	}

	@AfterAll
	static void stop() {
		hubs.forEach(Hub::close);
	}

	static JsonNode get(String uri) {
		return hubs.get(0).getJson(uri, hubs.get(0).adminToken());
	}

	static void sql(String statement) {
		hubs.get(0).context().getBean(DatabaseClient.class).sql(statement).then().block(Duration.ofSeconds(10));
	}

	@Test
	void recordsWhoDidWhatInOneChainAcrossInstancesAndShowsTampering() {
		Hub first = hubs.get(0);
		first.http()
			.post()
			.uri("/api/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "admin", "password", "guessed-wrong"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		JsonNode city = first.cityPlatformToken("350200");
		first.http()
			.post()
			.uri("/api/admin/service-tokens/" + city.get("tokenId").asString() + "/revoke")
			.headers(h -> h.setBearerAuth(first.adminToken()))
			.exchange()
			.expectStatus()
			.isOk();
		// concurrent sign-ins on both instances append to the same chain
		long signIns = Flux.range(0, 20)
			.parallel(4)
			.runOn(Schedulers.boundedElastic())
			.map(i -> hubs.get(i % 2).adminToken())
			.sequential()
			.count()
			.block(Duration.ofSeconds(60));
		assertThat(signIns).isEqualTo(20);

		JsonNode records = get("/api/admin/audit?limit=1000");
		List<String> actions = records.valueStream().map(r -> r.get("action").asString() + "/" + r.get("outcome").asString()).toList();
		assertThat(actions.get(0)).isEqualTo("officer.register/DONE");
		assertThat(records.get(0).get("actorKind").asString()).isEqualTo("SYSTEM");
		assertThat(records.get(0).get("subject").asString()).isEqualTo("admin");
		assertThat(actions.get(1)).isEqualTo("officer.sign-in/REFUSED");
		assertThat(records.get(1).get("actor").asString()).isEqualTo("admin");
		assertThat(records.get(1).get("actorKind").asString()).isEqualTo("ANONYMOUS");
		assertThat(actions).contains("service-token.issue/DONE", "service-token.revoke/DONE");
		assertThat(actions.indexOf("service-token.issue/DONE")).isLessThan(actions.indexOf("service-token.revoke/DONE"));
		assertThat(actions.stream().filter("officer.sign-in/DONE"::equals).count()).isGreaterThanOrEqualTo(20);
		for (int i = 0; i < records.size(); i++) {
			assertThat(records.get(i).get("seq").asLong()).isEqualTo(i + 1L);
			if (i > 0) {
				assertThat(records.get(i).get("prevHash").asString()).isEqualTo(records.get(i - 1).get("hash").asString());
			}
		}

		JsonNode intact = get("/api/admin/audit/verification");
		assertThat(intact.get("intact").asBoolean()).isTrue();
		long total = intact.get("records").asLong();
		assertThat(total).isGreaterThanOrEqualTo(records.size());

		sql("update audit_record set outcome = 'DONE' where seq = 2");
		JsonNode changed = get("/api/admin/audit/verification");
		assertThat(changed.get("intact").asBoolean()).isFalse();
		assertThat(changed.get("brokenAt").asLong()).isEqualTo(2);
		sql("update audit_record set outcome = 'REFUSED' where seq = 2");
		assertThat(get("/api/admin/audit/verification").get("intact").asBoolean()).isTrue();

		long last = get("/api/admin/audit/verification").get("records").asLong();
		sql("delete from audit_record where seq = " + last);
		JsonNode removed = get("/api/admin/audit/verification");
		assertThat(removed.get("intact").asBoolean()).isFalse();
	}

}
