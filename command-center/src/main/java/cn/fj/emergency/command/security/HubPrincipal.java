package cn.fj.emergency.command.security;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling, as proven by a verified token. {@code cityCode} is set for city platforms (and city-scoped
 * officers) and confines them to that city; {@code tokenId} identifies a revocable service token.
 * {@code credentialVersion} is the officer's credential version when the token was issued: the token counts only
 * while the officer's credentials are still at that version (see {@link Authenticator}).
 */
public record HubPrincipal(String subject, Kind kind, Set<Role> roles, @Nullable String cityCode,
		@Nullable String tokenId, Instant expiresAt, @JsonIgnore long credentialVersion) {

	/**
	 * The expiry is whole seconds, as a JWT's {@code exp} is: so the time shown at sign-in, by {@code /api/auth/me},
	 * in the audit trail and in the token itself is one and the same.
	 */
	public HubPrincipal {
		roles = Set.copyOf(roles);
		expiresAt = expiresAt.truncatedTo(ChronoUnit.SECONDS);
	}

	/** A principal whose credentials are at their first version (services, and officers never changed). */
	public HubPrincipal(String subject, Kind kind, Set<Role> roles, @Nullable String cityCode, @Nullable String tokenId,
			Instant expiresAt) {
		this(subject, kind, roles, cityCode, tokenId, expiresAt, 0);
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	public boolean hasAny(Set<Role> wanted) {
		for (Role role : wanted) {
			if (this.roles.contains(role)) {
				return true;
			}
		}
		return false;
	}

	/** Sees and acts on the whole province: not confined to a city. */
	public boolean provinceWide() {
		return this.cityCode == null;
	}

	/**
	 * The identity under which idempotent report ids are remembered. A city platform's reports stay
	 * de-duplicated across reissued tokens, so the key is its city, not the token's subject.
	 */
	public String reporterKey() {
		if (this.cityCode != null && has(Role.CITY_PLATFORM)) {
			return "city:" + this.cityCode;
		}
		return this.kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + this.subject;
	}

	/** Officers sign in with a password; services (city platforms, departments) hold tokens an administrator issued. */
	public enum Kind {

		OFFICER, SERVICE

	}

}
