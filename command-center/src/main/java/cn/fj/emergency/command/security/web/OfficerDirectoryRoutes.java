package cn.fj.emergency.command.security.web;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.area.Areas;
import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.Officer;
import cn.fj.emergency.command.security.OfficerAccounts;
import cn.fj.emergency.command.security.Role;

/**
 * The officers' directory (docs/http-api.md#get-apiofficers): the enabled duty officers and commanders, whom an
 * incident may be assigned to and video dispatched to, with what a colleague needs to choose one (username, name,
 * roles, city) and nothing of their credentials. Duty officers and commanders read it, by the access policy.
 */
@RestController
@RequestMapping("/api/officers")
class OfficerDirectoryRoutes {

	/** The roles the directory lists and a {@code role} filter may name. */
	static final Set<Role> LISTED = EnumSet.of(Role.DUTY_OFFICER, Role.COMMANDER);

	private final OfficerAccounts accounts;

	OfficerDirectoryRoutes(OfficerAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	Flux<Entry> officers(HubPrincipal principal, @RequestParam(required = false) @Nullable String role,
			@RequestParam(required = false) @Nullable String city) {
		return Mono.fromCallable(() -> new Filter(role(role), city(principal, city)))
			.flatMapMany(filter -> this.accounts.list()
				.filter(o -> o.enabled() && o.roles().stream().anyMatch(LISTED::contains))
				.filter(o -> filter.role() == null || o.roles().contains(filter.role()))
				.filter(o -> filter.city() == null || o.cityCode() == null || o.cityCode().equals(filter.city()))
				.map(Entry::of)
				.sort(Comparator.comparing(Entry::username)));
	}

	private static @Nullable Role role(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		for (Role role : LISTED) {
			if (role.name().equals(text)) {
				return role;
			}
		}
		throw HubException.field(ErrorCode.INVALID_FIELD, "role", "role must be DUTY_OFFICER or COMMANDER");
	}

	/** A city-scoped caller sees those who may act in its own city; naming another is refused. */
	private static @Nullable String city(HubPrincipal principal, @Nullable String text) {
		String own = principal.cityCode();
		String requested = text == null || text.isBlank() ? null : text;
		if (own != null) {
			if (requested != null && !requested.equals(own)) {
				throw new HubException(ErrorCode.CITY_SCOPE_VIOLATION, "An officer of city " + own + " lists its own city's officers only");
			}
			return own;
		}
		if (requested != null && !Areas.isCity(requested)) {
			throw HubException.field(ErrorCode.INVALID_FIELD, "city", requested + " is not a city platform code");
		}
		return requested;
	}

	private record Filter(@Nullable Role role, @Nullable String city) {
	}

	/** One officer as a colleague sees them: no password, no credential state. */
	record Entry(String username, String displayName, Set<Role> roles, @Nullable String cityCode) {

		static Entry of(Officer officer) {
			Set<Role> roles = EnumSet.noneOf(Role.class);
			roles.addAll(officer.roles());
			return new Entry(officer.username(), officer.displayName(), roles, officer.cityCode());
		}

	}

}
