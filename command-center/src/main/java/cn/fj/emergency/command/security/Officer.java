package cn.fj.emergency.command.security;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A person who signs in with a password: duty officer, commander or administrator. {@code credentialVersion}
 * rises whenever the officer's tokens must stop working (password changed or reset, officer disabled, tokens
 * revoked); {@code passwordChangeRequired} marks a one-time password an administrator set, valid until
 * {@code passwordExpiresAt}.
 */
public record Officer(String username, String passwordHash, String displayName, Set<Role> roles,
		@Nullable String cityCode, boolean enabled, Instant createdAt, String createdBy, long credentialVersion,
		boolean passwordChangeRequired, @Nullable Instant passwordExpiresAt) {

	public Officer {
		roles = Set.copyOf(roles);
	}

	/** A new officer: credentials at their first version, the password their own. */
	public Officer(String username, String passwordHash, String displayName, Set<Role> roles, @Nullable String cityCode,
			boolean enabled, Instant createdAt, String createdBy) {
		this(username, passwordHash, displayName, roles, cityCode, enabled, createdAt, createdBy, 0, false, null);
	}

}
