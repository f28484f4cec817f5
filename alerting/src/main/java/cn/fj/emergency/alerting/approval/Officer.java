package cn.fj.emergency.alerting.approval;

import java.util.Objects;
import java.util.Set;

/** Who acts on a warning: an officer's id and roles, as the hub's security has established them. */
public record Officer(String id, Set<String> roles) {

	public Officer {
		Objects.requireNonNull(id, "id");
		roles = Set.copyOf(roles);
	}

	public boolean has(String role) {
		return roles.contains(role);
	}

}
