package cn.fj.emergency.command.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.stream.EventLog;
import cn.fj.emergency.command.stream.HubEvent;
import cn.fj.emergency.command.stream.persistence.EventStore;
import cn.fj.emergency.command.support.Hub;

import static cn.fj.emergency.command.inbound.InboundCap.corpus;
import static cn.fj.emergency.command.inbound.InboundCap.push;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Departments push CAP to {@code POST /api/inbound-warnings}: each alert stored once per (sender, identifier, sent)
 * with its original bytes and one {@code inbound-warning.received}; invalid documents refused with their CAP code;
 * Update and Cancel end the alerts they reference, whichever arrives first.
 */
class InboundWarningsPushTest {

	static final Duration WAIT = Duration.ofSeconds(15);

	static Hub hub;

	static String department;

	static String officer;

	@BeforeAll
	static void startHub() {
		hub = Hub.start(InboundCap.withSenders(Hub.freshHubSettings(), "earthquake-bureau",
				"http://newwcatwc.arh.noaa.gov/tsuPortal/", "cap@ec.gc.ca", "trinet@caltech.edu", "hsas@dhs.gov"));
		department = InboundCap.departmentToken(hub, "earthquake-bureau");
		officer = hub.officerToken(null, "DUTY_OFFICER");
	}

	@AfterAll
	static void stopHub() {
		hub.close();
	}

	static JsonNode pushed(byte[] cap, int status) {
		return push(hub, department, cap).expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult()
			.getResponseBody().get("alerts").get(0);
	}

	static long head() {
		return hub.context().getBean(EventStore.class).head().block(WAIT);
	}

	static List<HubEvent> received(long after, String subject) {
		return hub.context().getBean(EventLog.class).readAfter(after, 10_000)
			.filter(e -> e.type().equals("inbound-warning.received") && subject.equals(e.subjectId()))
			.collectList().block(WAIT);
	}

	static JsonNode get(long id) {
		return hub.getJson("/api/inbound-warnings/" + id, officer);
	}

	static byte[] variant(byte[] cap, String from, String to) {
		return new String(cap, StandardCharsets.UTF_8).replace(from, to).getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void storesACorpusAlertPushedTwiceOnceWithItsOriginalBytes() {
		for (String name : List.of("wcatwc-warning.cap", "canada.cap")) {
			byte[] cap = corpus("valid", name);
			long before = head();

			JsonNode first = pushed(cap, 201);
			JsonNode repeat = pushed(cap, 200);

			long id = first.get("warning").get("id").asLong();
			assertThat(first.get("repeat").asBoolean()).isFalse();
			assertThat(repeat.get("repeat").asBoolean()).isTrue();
			assertThat(repeat.get("warning").get("id").asLong()).isEqualTo(id);
			assertThat(first.get("warning").get("via").asString()).isEqualTo("push:earthquake-bureau");
			assertThat(first.get("warning").get("capVersion").asString()).isEqualTo("1.2");
			assertThat(received(before, Long.toString(id))).hasSize(1)
				.allSatisfy(e -> assertThat(e.cities()).isEmpty());
			byte[] original = hub.http().get().uri("/api/inbound-warnings/" + id + "/cap")
				.headers(h -> h.setBearerAuth(officer)).exchange()
				.expectStatus().isOk().expectHeader().contentType("application/cap+xml")
				.expectBody(byte[].class).returnResult().getResponseBody();
			assertThat(original).isEqualTo(cap);
		}
		assertThat(hub.getJson("/api/inbound-warnings", officer).toString()).contains("PAAQ-2-lqw6d6")
			.contains("2.49.0.1.124.6bddbc91.2012");
	}

	@Test
	void refusesAnInvalidDocumentWithItsCapCode() {
		push(hub, department, corpus("invalid", "invalid.cap")).expectStatus().isEqualTo(400)
			.expectBody().jsonPath("$.code").isEqualTo("CAP_REFUSED")
			.jsonPath("$.capProblems[0].code").isEqualTo("CAP_SCHEMA_INVALID");
	}

	@Test
	void storesCap11And10AlertsUpgradedWithTheirOriginalBytes() {
		// given the Homeland Security alert of the CAP 1.1 specification (appendix A.1), under an identifier of its own
		byte[] cap11 = variant(corpus("v1dot1", "v1dot1_appendix_adot1.xml"), "43b080713727", "43b080713727-v11");
		JsonNode stored = pushed(cap11, 201).get("warning");
		long id = stored.get("id").asLong();
		// then it is stored as the 1.2 alert it means, its original bytes, in CAP 1.1, kept beside it
		assertThat(stored.get("identifier").asString()).isEqualTo("43b080713727-v11");
		assertThat(stored.get("headline").asString()).isEqualTo("Homeland Security Sets Code ORANGE");
		assertThat(stored.get("capVersion").asString()).isEqualTo("1.1");
		byte[] original = hub.http().get().uri("/api/inbound-warnings/" + id + "/cap")
			.headers(h -> h.setBearerAuth(officer)).exchange()
			.expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
		assertThat(original).isEqualTo(cap11);
		// and the same alert in CAP 1.0 is the same alert (sender, identifier, sent): a repeat
		JsonNode cap10 = pushed(variant(corpus("v1dot0", "v1dot0_appendix_adot1.xml"), "43b080713727", "43b080713727-v11"),
				200);
		assertThat(cap10.get("repeat").asBoolean()).isTrue();
		assertThat(cap10.get("warning").get("id").asLong()).isEqualTo(id);
	}

	@Test
	void refusesAnOlderAlertNamingItsVersion() {
		// the NWS flood warning of google/cap-library with empty urgency, severity, certainty: invalid in CAP 1.1
		push(hub, department, variant(corpus("invalid", "noaa_errors.cap"), "w-nws.webmaster@noaa.gov", "hsas@dhs.gov"))
			.expectStatus().isEqualTo(400)
			.expectBody().jsonPath("$.code").isEqualTo("CAP_REFUSED")
			.jsonPath("$.capProblems[0].code").isEqualTo("CAP_SCHEMA_INVALID")
			.jsonPath("$.capProblems[0].message").value(message -> assertThat((String) message).startsWith("not valid CAP 1.1: "));
		// a CAP 1.0 alert without scope cannot be said in 1.2 without guessing who may read it
		push(hub, department, variant(corpus("v1dot0", "v1dot0_appendix_adot3.xml"), "<scope>Public</scope>", ""))
			.expectStatus().isEqualTo(400)
			.expectBody().jsonPath("$.capProblems[0].code").isEqualTo("CAP_UPGRADE_IMPOSSIBLE")
			.jsonPath("$.capProblems[0].message").value(message -> assertThat((String) message).startsWith("CAP 1.0: "));
	}

	@Test
	void refusesAPushFromAnOfficer() {
		push(hub, officer, corpus("valid", "canada.cap")).expectStatus().isEqualTo(403)
			.expectBody().jsonPath("$.code").isEqualTo("ACCESS_DENIED");
	}

	@Test
	void anUpdateSupersedesTheAlertItReferences() {
		byte[] update = corpus("valid", "v1dot2_appendix_adot3.xml");
		byte[] original = variant(variant(variant(update, "TRI13970876.2", "TRI13970876.1"),
				"<sent>2003-06-11T20:56:00-07:00</sent>", "<sent>2003-06-11T20:30:00-07:00</sent>"),
				"<msgType>Update</msgType>", "<msgType>Alert</msgType>")
			.clone();
		original = new String(original, StandardCharsets.UTF_8)
			.replaceAll("<references>[^<]*</references>", "").getBytes(StandardCharsets.UTF_8);

		long originalId = pushed(original, 201).get("warning").get("id").asLong();
		assertThat(get(originalId).get("state").asString()).isEqualTo("ACTIVE");
		long updateId = pushed(update, 201).get("warning").get("id").asLong();

		assertThat(get(originalId).get("state").asString()).isEqualTo("SUPERSEDED");
		assertThat(get(originalId).get("endedBy").asLong()).isEqualTo(updateId);
		assertThat(get(updateId).get("state").asString()).isEqualTo("ACTIVE");
	}

	@Test
	void anUpdateArrivingBeforeItsOriginalSupersedesItOnArrival() {
		byte[] update = variant(corpus("valid", "v1dot2_appendix_adot3.xml"), "TRI13970876", "TRI55500000");
		byte[] original = new String(variant(variant(variant(update, "TRI55500000.2", "TRI55500000.1"),
				"<sent>2003-06-11T20:56:00-07:00</sent>", "<sent>2003-06-12T03:30:00+00:00</sent>"),
				"<msgType>Update</msgType>", "<msgType>Alert</msgType>"), StandardCharsets.UTF_8)
			.replaceAll("<references>[^<]*</references>", "").getBytes(StandardCharsets.UTF_8);

		long updateId = pushed(update, 201).get("warning").get("id").asLong();
		JsonNode late = pushed(original, 201).get("warning");

		// the same instant written in another offset still matches the reference
		assertThat(late.get("state").asString()).isEqualTo("SUPERSEDED");
		assertThat(late.get("endedBy").asLong()).isEqualTo(updateId);
	}

	@Test
	void aCancelCancelsTheAlertItReferences() {
		byte[] alert = corpus("valid", "v1dot2_appendix_adot1.xml");
		byte[] cancel = new String(variant(variant(alert, "<identifier>43b080713727</identifier>",
				"<identifier>43b080713727-cancel</identifier>"), "<msgType>Alert</msgType>", "<msgType>Cancel</msgType>"),
				StandardCharsets.UTF_8)
			.replaceFirst("<info>", "<references>hsas@dhs.gov,43b080713727,2003-04-02T14:39:01-05:00</references><info>")
			.getBytes(StandardCharsets.UTF_8);
		long alertId = pushed(alert, 201).get("warning").get("id").asLong();
		long before = head();

		long cancelId = pushed(cancel, 201).get("warning").get("id").asLong();

		assertThat(get(alertId).get("state").asString()).isEqualTo("CANCELLED");
		assertThat(received(before, Long.toString(cancelId))).singleElement()
			.satisfies(e -> assertThat(e.data().replace(" ", "")).contains("\"ended\":[{\"id\":" + alertId + ","));
	}

}
