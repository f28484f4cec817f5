package cn.fj.emergency.command.order;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What makes an order and an acknowledgement acceptable, and the order of acknowledgement states. */
class OrderPolicyTest {

	static final HubPrincipal COMMANDER = new HubPrincipal("zhang.wei", HubPrincipal.Kind.OFFICER, Set.of(Role.COMMANDER),
			null, null, Instant.parse("2030-01-01T00:00:00Z"));

	static OrderRequest order(List<String> cities, String deadline) {
		return new OrderRequest("fj-2026-001", "  Evacuate the low-lying villages  ", null, cities, deadline, null);
	}

	static void refused(Runnable check, ErrorCode code, String field) {
		assertThatThrownBy(check::run).isInstanceOfSatisfying(HubException.class, ex -> {
			assertThat(ex.code()).isEqualTo(code);
			assertThat(ex.details()).containsEntry("field", field);
		});
	}

	@Test
	void sortsAndDeduplicatesTheCitiesAndStripsTheText() {
		ValidOrder valid = OrderPolicy.check(order(List.of("350200", "350100", "350200"), "2026-11-23T18:00:00+08:00"),
				COMMANDER);

		assertThat(valid.targetCities()).containsExactly("350100", "350200");
		assertThat(valid.text()).isEqualTo("Evacuate the low-lying villages");
		assertThat(valid.deadline()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
		assertThat(valid.issuedBy()).isEqualTo("zhang.wei");
	}

	@Test
	void theSameOrderWrittenOtherwiseHasTheSameHash() {
		ValidOrder a = OrderPolicy.check(order(List.of("350200", "350100"), "2026-11-23T18:00:00+08:00"), COMMANDER);
		ValidOrder b = OrderPolicy.check(order(List.of("350100", "350200"), "2026-11-23T10:00:00Z"), COMMANDER);
		ValidOrder c = OrderPolicy.check(order(List.of("350100"), "2026-11-23T10:00:00Z"), COMMANDER);

		assertThat(a.payloadHash()).isEqualTo(b.payloadHash()).isNotEqualTo(c.payloadHash());
	}

	@Test
	void refusesBadFieldsEachWithItsCode() {
		refused(() -> OrderPolicy.check(new OrderRequest(null, "t", null, List.of("350200"), "2026-11-23T10:00:00Z", null),
				COMMANDER), ErrorCode.FIELD_REQUIRED, "orderRef");
		refused(() -> OrderPolicy.check(new OrderRequest("a b", "t", null, List.of("350200"), "2026-11-23T10:00:00Z", null),
				COMMANDER), ErrorCode.INVALID_FIELD, "orderRef");
		refused(() -> OrderPolicy.check(new OrderRequest("r", " ", null, List.of("350200"), "2026-11-23T10:00:00Z", null),
				COMMANDER), ErrorCode.FIELD_REQUIRED, "text");
		refused(() -> OrderPolicy.check(new OrderRequest("r", "x".repeat(4001), null, List.of("350200"),
				"2026-11-23T10:00:00Z", null), COMMANDER), ErrorCode.FIELD_TOO_LONG, "text");
		refused(() -> OrderPolicy.check(new OrderRequest("r", "t", "not-a-uuid", List.of("350200"), "2026-11-23T10:00:00Z",
				null), COMMANDER), ErrorCode.INVALID_FIELD, "incidentId");
		refused(() -> OrderPolicy.check(order(List.of(), "2026-11-23T10:00:00Z"), COMMANDER), ErrorCode.FIELD_REQUIRED,
				"targetCities");
		refused(() -> OrderPolicy.check(order(List.of("350203"), "2026-11-23T10:00:00Z"), COMMANDER), ErrorCode.UNKNOWN_AREA,
				"targetCities");
		refused(() -> OrderPolicy.check(order(List.of("350200"), "2026-11-23T10:00:00"), COMMANDER), ErrorCode.INVALID_FIELD,
				"deadline");
	}

	@Test
	void aCommanderOfACityMayOrderOnlyThatCity() {
		HubPrincipal xiamenCommander = new HubPrincipal("chen.li", HubPrincipal.Kind.OFFICER, Set.of(Role.COMMANDER),
				"350200", null, Instant.parse("2030-01-01T00:00:00Z"));

		assertThat(OrderPolicy.check(order(List.of("350200"), "2026-11-23T10:00:00Z"), xiamenCommander).targetCities())
			.containsExactly("350200");
		refused(() -> OrderPolicy.check(order(List.of("350200", "350100"), "2026-11-23T10:00:00Z"), xiamenCommander),
				ErrorCode.CITY_SCOPE_VIOLATION, "targetCities");
	}

	@Test
	void refusesADeadlineThatIsNotInTheFuture() {
		ValidOrder valid = OrderPolicy.check(order(List.of("350200"), "2026-11-23T10:00:00Z"), COMMANDER);

		OrderPolicy.checkDeadline(valid, Instant.parse("2026-11-23T09:59:59Z"));
		refused(() -> OrderPolicy.checkDeadline(valid, Instant.parse("2026-11-23T10:00:00Z")), ErrorCode.INVALID_FIELD,
				"deadline");
	}

	@Test
	void acknowledgementStatesFollowReceivedAcceptedCompletedOrARejection() {
		AcknowledgementState none = null;
		assertThat(AcknowledgementState.RECEIVED.mayFollow(none)).isTrue();
		assertThat(AcknowledgementState.REJECTED.mayFollow(none)).isTrue();
		assertThat(AcknowledgementState.ACCEPTED.mayFollow(none)).isFalse();
		assertThat(AcknowledgementState.COMPLETED.mayFollow(none)).isFalse();

		assertThat(AcknowledgementState.ACCEPTED.mayFollow(AcknowledgementState.RECEIVED)).isTrue();
		assertThat(AcknowledgementState.REJECTED.mayFollow(AcknowledgementState.RECEIVED)).isTrue();
		assertThat(AcknowledgementState.COMPLETED.mayFollow(AcknowledgementState.RECEIVED)).isFalse();

		assertThat(AcknowledgementState.COMPLETED.mayFollow(AcknowledgementState.ACCEPTED)).isTrue();
		assertThat(AcknowledgementState.REJECTED.mayFollow(AcknowledgementState.ACCEPTED)).isFalse();

		for (AcknowledgementState next : AcknowledgementState.values()) {
			assertThat(next.mayFollow(AcknowledgementState.COMPLETED)).isFalse();
			assertThat(next.mayFollow(AcknowledgementState.REJECTED)).isFalse();
			assertThat(next.mayFollow(next)).isFalse();
		}
	}

	@Test
	void aRejectionNeedsAReason() {
		String order = "0193a0c4-5b2e-7d3a-9c41-2f6e8a1b7c90";
		refused(() -> AcknowledgementPolicy.check(new AcknowledgementRequest(order, "REJECTED", "  ", "a1")),
				ErrorCode.FIELD_REQUIRED, "reason");
		refused(() -> AcknowledgementPolicy.check(new AcknowledgementRequest(order, "DONE", null, "a1")),
				ErrorCode.INVALID_FIELD, "state");
		refused(() -> AcknowledgementPolicy.check(new AcknowledgementRequest(order, "RECEIVED", null, null)),
				ErrorCode.FIELD_REQUIRED, "ackId");
		refused(() -> AcknowledgementPolicy.check(new AcknowledgementRequest("42", "RECEIVED", null, "a1")),
				ErrorCode.INVALID_FIELD, "orderId");

		assertThat(AcknowledgementPolicy.check(new AcknowledgementRequest(order, "REJECTED", " No boats left ", "a1")).reason())
			.isEqualTo("No boats left");
	}

}
