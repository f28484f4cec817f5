package cn.fj.emergency.command.security;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** A person who signs in with a password: duty officer, commander or administrator. */
public record Officer(String username, String passwordHash, String displayName, Set<Role> roles,
		@Nullable String cityCode, boolean enabled, Instant createdAt, String createdBy) {

	public Officer {
		roles = Set.copyOf(roles);
	}

}
