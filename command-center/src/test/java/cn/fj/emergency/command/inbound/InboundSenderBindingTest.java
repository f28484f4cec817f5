package cn.fj.emergency.command.inbound;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;

import static cn.fj.emergency.command.inbound.InboundCap.corpus;
import static cn.fj.emergency.command.inbound.InboundCap.push;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A department pushes alerts under its own sender only (its token's subject, or the senders configured for it), so
 * that another department can neither write under its name, take its identifiers, nor update or cancel its alerts.
 */
class InboundSenderBindingTest {

	/** The Homeland Security alert of CAP 1.2's appendix A.1: sender hsas@dhs.gov, sent 2003-04-02T14:39:01-05:00. */
	static final String DHS_REFERENCE = "hsas@dhs.gov,%s,2003-04-02T14:39:01-05:00";

	static Hub hub;

	/** Configured to push as hsas@dhs.gov. */
	static String security;

	/** Not configured: pushes as its subject, hydrology-bureau. */
	static String hydrology;

	static String officer;

	@BeforeAll
	static void startHub() {
		hub = Hub.start(InboundCap.withSenders(Hub.freshHubSettings(), "security-bureau", "hsas@dhs.gov"));
		security = InboundCap.departmentToken(hub, "security-bureau");
		hydrology = InboundCap.departmentToken(hub, "hydrology-bureau");
		officer = hub.officerToken(null, "DUTY_OFFICER");
	}

	@AfterAll
	static void stopHub() {
		hub.close();
	}

	/** The appendix A.1 alert with another identifier, sender and message type, referencing {@code references}. */
	static byte[] alert(String identifier, String sender, String msgType, String references) {
		String xml = new String(corpus("valid", "v1dot2_appendix_adot1.xml"), StandardCharsets.UTF_8)
			.replace("<identifier>43b080713727</identifier>", "<identifier>" + identifier + "</identifier>")
			.replace("<sender>hsas@dhs.gov</sender>", "<sender>" + sender + "</sender>")
			.replace("<msgType>Alert</msgType>", "<msgType>" + msgType + "</msgType>");
		if (!references.isEmpty()) {
			xml = xml.replaceFirst("<info>", "<references>" + references + "</references><info>");
		}
		return xml.getBytes(StandardCharsets.UTF_8);
	}

	static JsonNode stored(String token, byte[] cap) {
		return push(hub, token, cap).expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
			.getResponseBody().get("alerts").get(0).get("warning");
	}

	static String state(long id) {
		return hub.getJson("/api/inbound-warnings/" + id, officer).get("state").asString();
	}

	@Test
	void aDepartmentPushesUnderItsOwnSendersOnly() {
		JsonNode own = stored(security, alert("own-1", "hsas@dhs.gov", "Alert", ""));
		assertThat(own.get("via").asString()).isEqualTo("push:security-bureau");
		// unconfigured: the token's subject is the sender
		assertThat(stored(hydrology, alert("own-2", "hydrology-bureau", "Alert", "")).get("sender").asString())
			.isEqualTo("hydrology-bureau");
		push(hub, security, alert("own-3", "hydrology-bureau", "Alert", "")).expectStatus().isForbidden()
			.expectBody().jsonPath("$.code").isEqualTo("INBOUND_SENDER_MISMATCH")
			.jsonPath("$.sender").isEqualTo("hydrology-bureau");
	}

	@Test
	void anotherDepartmentCannotCancelOrUpdateADepartmentsAlert() {
		long alert = stored(security, alert("victim-1", "hsas@dhs.gov", "Alert", "")).get("id").asLong();

		// under the victim's sender: refused whole
		push(hub, hydrology, alert("forged-cancel", "hsas@dhs.gov", "Cancel", DHS_REFERENCE.formatted("victim-1")))
			.expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("INBOUND_SENDER_MISMATCH");
		// under its own sender: stored, but a reference to another sender's alert ends nothing
		stored(hydrology, alert("foreign-cancel", "hydrology-bureau", "Cancel", DHS_REFERENCE.formatted("victim-1")));
		stored(hydrology, alert("foreign-update", "hydrology-bureau", "Update", DHS_REFERENCE.formatted("victim-1")));
		assertThat(state(alert)).isEqualTo("ACTIVE");

		// its own department still ends it
		long cancel = stored(security, alert("victim-1-cancel", "hsas@dhs.gov", "Cancel",
				DHS_REFERENCE.formatted("victim-1"))).get("id").asLong();
		assertThat(state(alert)).isEqualTo("CANCELLED");
		assertThat(hub.getJson("/api/inbound-warnings/" + alert, officer).get("endedBy").asLong()).isEqualTo(cancel);
	}

	@Test
	void anotherDepartmentCannotPreEmptADepartmentsIdentifiers() {
		// an identifier the security bureau has yet to use: taken under its sender, refused
		push(hub, hydrology, alert("future-1", "hsas@dhs.gov", "Alert", "")).expectStatus().isForbidden()
			.expectBody().jsonPath("$.code").isEqualTo("INBOUND_SENDER_MISMATCH");
		// a Cancel waiting for it under another sender does not end it on arrival
		stored(hydrology, alert("waiting-cancel", "hydrology-bureau", "Cancel", DHS_REFERENCE.formatted("future-1")));

		JsonNode arrived = push(hub, security, alert("future-1", "hsas@dhs.gov", "Alert", "")).expectStatus().isCreated()
			.expectBody(JsonNode.class).returnResult().getResponseBody().get("alerts").get(0);
		assertThat(arrived.get("repeat").asBoolean()).isFalse();
		assertThat(arrived.get("warning").get("state").asString()).isEqualTo("ACTIVE");
		assertThat(arrived.get("warning").get("via").asString()).isEqualTo("push:security-bureau");
	}

}
