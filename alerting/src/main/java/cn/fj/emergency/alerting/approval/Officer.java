package cn.fj.emergency.alerting.approval;

import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Who acts on a warning: an officer's id and roles, as the hub's security has established them, and the city
 * (GB/T 2260 code) a city-scoped officer is confined to; {@code null} for the province.
 */
public record Officer(String id, Set<String> roles, @Nullable String cityCode) {

	public Officer {
		Objects.requireNonNull(id, "id");
		roles = Set.copyOf(roles);
	}

	/** A province-wide officer. */
	public Officer(String id, Set<String> roles) {
		this(id, roles, null);
	}

	public boolean has(String role) {
		return roles.contains(role);
	}

}
