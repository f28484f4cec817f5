package cn.fj.emergency.command.video;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may join a consultation, and who its events are for. */
class ConsultationRulesTest {

	static final HubPrincipal XIAMEN = new HubPrincipal("platform-350200", HubPrincipal.Kind.SERVICE,
			Set.of(Role.CITY_PLATFORM), "350200", "t1", Instant.MAX);

	static final HubPrincipal FUZHOU = new HubPrincipal("platform-350100", HubPrincipal.Kind.SERVICE,
			Set.of(Role.CITY_PLATFORM), "350100", "t2", Instant.MAX);

	static final HubPrincipal DESK = officer("li.wei", null);

	static HubPrincipal officer(String name, String city) {
		return new HubPrincipal(name, HubPrincipal.Kind.OFFICER, Set.of(Role.DUTY_OFFICER), city, null, Instant.MAX);
	}

	static ConsultationSession opened() {
		return new ConsultationSession(UUID.randomUUID(), UUID.randomUUID(), "Levee", "officer:zhao.min", Instant.EPOCH,
				List.of(), List.of(), List.of(), List.of("officer:zhao.min"), false, null, null)
			.invited(List.of("350200"), List.of("officer:chen.xm"));
	}

	@Test
	void invitedCitiesAndOfficersAndTheProvinceDeskMayJoinOthersMayNot() {
		ConsultationSession session = opened();

		assertThat(session.joinerName(XIAMEN)).isEqualTo("city:350200");
		assertThat(session.joinerName(DESK)).isEqualTo("officer:li.wei");
		assertThat(session.joinerName(officer("chen.xm", "350200"))).isEqualTo("officer:chen.xm");
		assertCode(() -> session.joinerName(FUZHOU), ErrorCode.CONSULTATION_NOT_INVITED);
		assertCode(() -> session.joinerName(officer("lin.fz", "350100")), ErrorCode.CONSULTATION_NOT_INVITED);
	}

	@Test
	void membersAreTheOpenerTheInviteesAndWhoeverJoinedAndStayMembersAfterLeaving() {
		ConsultationSession session = opened().joined("officer:li.wei").joined("city:350200").left("officer:li.wei");

		assertThat(session.members()).containsExactlyInAnyOrder("officer:zhao.min", "city:350200", "officer:chen.xm",
				"officer:li.wei");
		assertThat(session.participants()).containsExactly("city:350200");
	}

	@Test
	void aClosedSessionTakesNoFurtherStep() {
		ConsultationSession closed = opened().joined("city:350200").closed("officer:zhao.min", Instant.EPOCH);

		assertThat(closed.participants()).isEmpty();
		assertThat(closed.view().status()).isEqualTo("CLOSED");
		assertCode(closed::requireOpen, ErrorCode.CONSULTATION_CLOSED);
	}

	static void assertCode(Runnable call, ErrorCode code) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(HubException.class, ex -> assertThat(ex.code()).isEqualTo(code));
	}

}
