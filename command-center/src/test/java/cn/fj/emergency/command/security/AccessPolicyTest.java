package cn.fj.emergency.command.security;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessPolicyTest {

	static HubPrincipal principal(Role role, String city) {
		return new HubPrincipal("p", HubPrincipal.Kind.SERVICE, Set.of(role), city, null, Instant.MAX);
	}

	@Test
	void onlyCityPlatformsReportOverTheCityLink() {
		AccessPolicy.checkRoute(principal(Role.CITY_PLATFORM, "350200"), "incidents.report", AccessPolicy.Interaction.REQUEST_RESPONSE);

		assertThatThrownBy(() -> AccessPolicy.checkRoute(principal(Role.DEPARTMENT, null), "incidents.report", AccessPolicy.Interaction.REQUEST_RESPONSE))
			.isInstanceOfSatisfying(HubException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.ACCESS_DENIED));
	}

	@Test
	void unknownRoutesAreRefused() {
		assertThatThrownBy(() -> AccessPolicy.checkRoute(principal(Role.ADMIN, null), "orders.delete", AccessPolicy.Interaction.REQUEST_RESPONSE))
			.isInstanceOfSatisfying(HubException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.ROUTE_NOT_FOUND));
	}

	@Test
	void aRouteUsedWithTheWrongInteractionIsRefused() {
		assertThatThrownBy(() -> AccessPolicy.checkRoute(principal(Role.CITY_PLATFORM, "350200"), "incidents.report",
				AccessPolicy.Interaction.FIRE_AND_FORGET))
			.isInstanceOfSatisfying(HubException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
	}

	@Test
	void departmentsHaveNoLiveStream() {
		assertThatThrownBy(() -> AccessPolicy.checkRoute(principal(Role.DEPARTMENT, null), "events.stream",
				AccessPolicy.Interaction.REQUEST_STREAM))
			.isInstanceOfSatisfying(HubException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.ACCESS_DENIED));
	}

	@Test
	void httpRulesAreOpenOnlyWhereListed() {
		assertThat(AccessPolicy.rolesForHttp("POST", "/api/auth/token")).isNull();
		assertThat(AccessPolicy.rolesForHttp("GET", "/console/index.html")).isNull();
		assertThat(AccessPolicy.rolesForHttp("GET", "/actuator/health")).isNull();
		assertThat(AccessPolicy.rolesForHttp("GET", "/actuator/health/readiness")).isNull();
		assertThat(AccessPolicy.rolesForHttp("GET", "/actuator/health/liveness")).isNull();
		assertThat(AccessPolicy.rolesForHttp("GET", "/actuator/health/redis")).containsExactly(Role.ADMIN);
		assertThat(AccessPolicy.rolesForHttp("POST", "/api/admin/service-tokens")).containsExactly(Role.ADMIN);
		assertThat(AccessPolicy.rolesForHttp("GET", "/api/unlisted")).containsExactly(Role.ADMIN);
		assertThat(AccessPolicy.rolesForHttp("GET", "/actuator/env")).containsExactly(Role.ADMIN);
		assertThat(AccessPolicy.rolesForHttp("GET", "/api/incidents/123")).contains(Role.CITY_PLATFORM, Role.DUTY_OFFICER)
			.doesNotContain(Role.DEPARTMENT);
	}

	@Test
	void headIsDecidedAsTheGetItIsServedAs() {
		assertThat(AccessPolicy.rolesForHttp("HEAD", "/api/auth/jwks")).isNull();
		assertThat(AccessPolicy.rolesForHttp("HEAD", "/api/incidents/123")).isEqualTo(AccessPolicy.rolesForHttp("GET", "/api/incidents/123"));
		assertThat(AccessPolicy.rolesForHttp("HEAD", "/api/orders")).isEqualTo(AccessPolicy.rolesForHttp("GET", "/api/orders"))
			.doesNotContain(Role.INTAKE_SYSTEM);
		assertThat(AccessPolicy.rolesForHttp("OPTIONS", "/api/incidents/123")).containsExactly(Role.ADMIN);
	}

	@Test
	void everyApiPathNoRuleListsIsTheAdministrators() {
		assertThat(AccessPolicy.ruleForHttp("DELETE", "/api/incidents/123")).isSameAs(AccessPolicy.UNLISTED_API);
		assertThat(AccessPolicy.ruleForHttp("GET", "/api")).isSameAs(AccessPolicy.UNLISTED_API);
		assertThat(AccessPolicy.httpRules()).last().isSameAs(AccessPolicy.UNLISTED_API);
		assertThat(AccessPolicy.ruleForHttp("GET", "/console/js/main.js")).isNull();
	}

	@Test
	void incidentChangesAreMatchedByIdSegment() {
		assertThat(AccessPolicy.rolesForHttp("POST", "/api/incidents/0193a0d2-77aa-7c01-9b3e-5d1f0e2c4a68/level"))
			.containsExactlyInAnyOrder(Role.DUTY_OFFICER, Role.COMMANDER);
		assertThat(AccessPolicy.rolesForHttp("POST", "/api/incidents/0193a0d2-77aa-7c01-9b3e-5d1f0e2c4a68/status"))
			.contains(Role.CITY_PLATFORM);
		assertThat(AccessPolicy.rolesForHttp("POST", "/api/incidents//status")).containsExactly(Role.ADMIN);
		assertThat(AccessPolicy.rolesForHttp("POST", "/api/incidents/x/status/more")).containsExactly(Role.ADMIN);
		assertThat(AccessPolicy.rolesForHttp("POST", "/api/incidents")).contains(Role.INTAKE_SYSTEM);
		assertThat(AccessPolicy.rolesForHttp("GET", "/api/incidents/summary")).doesNotContain(Role.INTAKE_SYSTEM);
	}

	@Test
	void aStarSegmentStandsForOneIdOnly() {
		assertThat(AccessPolicy.rolesForHttp("POST", "/api/incidents/0193a0c4-5b2e-7d3a-9c41-2f6e8a1b7c90/sitreps"))
			.containsExactlyInAnyOrder(Role.CITY_PLATFORM, Role.DUTY_OFFICER, Role.COMMANDER);
		assertThat(AccessPolicy.rolesForHttp("POST", "/api/incidents//sitreps")).containsExactly(Role.ADMIN);
		assertThat(AccessPolicy.rolesForHttp("POST", "/api/incidents/a/b/sitreps")).containsExactly(Role.ADMIN);
		assertThat(AccessPolicy.rolesForHttp("POST", "/api/incidents/a/transitions")).containsExactly(Role.ADMIN);
		assertThat(AccessPolicy.rolesForHttp("GET", "/api/sitreps/rollup")).doesNotContain(Role.CITY_PLATFORM);
	}

	@Test
	void onlyCityPlatformsSubmitSitrepsOverTheCityLink() {
		AccessPolicy.checkRoute(principal(Role.CITY_PLATFORM, "350200"), "sitreps.submit", AccessPolicy.Interaction.REQUEST_RESPONSE);

		assertThatThrownBy(() -> AccessPolicy.checkRoute(principal(Role.DEPARTMENT, null), "sitreps.submit",
				AccessPolicy.Interaction.REQUEST_RESPONSE))
			.isInstanceOfSatisfying(HubException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.ACCESS_DENIED));
	}

	@Test
	void videoPlaybackIsOpenButAskingForItNeedsAReceiverRoleAndOnlyDispatchersDispatch() {
		assertThat(AccessPolicy.rolesForHttp("GET", "/api/video/play/eyJhbGciOi.x.y")).isNull();
		assertThat(AccessPolicy.rolesForHttp("POST", "/api/video/dispatches/0193a0c4/playback")).contains(Role.CITY_PLATFORM,
				Role.DUTY_OFFICER);
		assertThat(AccessPolicy.rolesForHttp("POST", "/api/video/dispatches/0193a0c4/withdraw"))
			.containsExactlyInAnyOrder(Role.DUTY_OFFICER, Role.COMMANDER);
		assertThat(AccessPolicy.rolesForHttp("POST", "/api/video/dispatches")).containsExactlyInAnyOrder(Role.DUTY_OFFICER,
				Role.COMMANDER);
		assertThat(AccessPolicy.rolesForHttp("POST", "/api/video/dispatches//playback"))
			.containsExactlyInAnyOrder(Role.DUTY_OFFICER, Role.COMMANDER);
		assertThat(AccessPolicy.rolesForHttp("GET", "/api/video/dispatches")).doesNotContain(Role.CITY_PLATFORM);
		assertThat(AccessPolicy.rolesForHttp("PUT", "/api/video/groups/flood-desk")).doesNotContain(Role.CITY_PLATFORM);
	}

}
