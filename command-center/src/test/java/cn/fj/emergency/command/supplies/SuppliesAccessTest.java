package cn.fj.emergency.command.supplies;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.AccessPolicy;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may do what with supplies: cities report and request, the province commits, the administrator verifies. */
class SuppliesAccessTest {

	@Test
	void onlyCityPlatformsReportMovementsOverTheCityLink() {
		HubPrincipal city = new HubPrincipal("p", HubPrincipal.Kind.SERVICE, Set.of(Role.CITY_PLATFORM), "350200", null, Instant.MAX);
		HubPrincipal department = new HubPrincipal("d", HubPrincipal.Kind.SERVICE, Set.of(Role.DEPARTMENT), null, null, Instant.MAX);

		AccessPolicy.checkRoute(city, "stock.movements", AccessPolicy.Interaction.REQUEST_RESPONSE);
		assertThatThrownBy(() -> AccessPolicy.checkRoute(department, "stock.movements", AccessPolicy.Interaction.REQUEST_RESPONSE))
			.isInstanceOfSatisfying(HubException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.ACCESS_DENIED));
	}

	@Test
	void theProvinceCommitsAndCitiesRequest() {
		assertThat(AccessPolicy.rolesForHttp("POST", "/api/supplies/requests")).contains(Role.CITY_PLATFORM);
		assertThat(AccessPolicy.rolesForHttp("POST", "/api/supplies/requests/1/commitments"))
			.containsExactlyInAnyOrder(Role.DUTY_OFFICER, Role.COMMANDER);
		assertThat(AccessPolicy.rolesForHttp("POST", "/api/supplies/commitments/1/deliver")).doesNotContain(Role.CITY_PLATFORM);
		assertThat(AccessPolicy.rolesForHttp("POST", "/api/supplies/edxl-rm/commitments")).doesNotContain(Role.CITY_PLATFORM);
		assertThat(AccessPolicy.rolesForHttp("POST", "/api/supplies/movements")).contains(Role.CITY_PLATFORM)
			.doesNotContain(Role.DEPARTMENT);
		assertThat(AccessPolicy.rolesForHttp("GET", "/api/supplies/depots/350200-01/stock")).contains(Role.CITY_PLATFORM);
		assertThat(AccessPolicy.rolesForHttp("GET", "/api/supplies/verification")).containsExactly(Role.ADMIN);
	}

}
