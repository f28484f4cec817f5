package cn.fj.emergency.command.security.persistence;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.security.Officer;
import cn.fj.emergency.command.security.OfficerAccounts;
import cn.fj.emergency.command.security.Role;

@Repository
class R2dbcOfficerAccounts implements OfficerAccounts {

	private static final String COLUMNS = "username, password_hash, display_name, roles, city_code, enabled, created_at, created_by";

	private static final String READ = COLUMNS + ", credential_version, password_change_required, password_expires_at";

	/** Every change of credentials raises the version and says who changed them when. */
	private static final String CHANGED = "credential_version = credential_version + 1, credentials_changed_at = $2, "
			+ "credentials_changed_by = $3";

	private final DatabaseClient db;

	R2dbcOfficerAccounts(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Officer> find(String username) {
		return this.db.sql("select " + READ + " from officer where username = $1")
			.bind(0, username)
			.map(R2dbcOfficerAccounts::officer)
			.one();
	}

	@Override
	public Mono<Boolean> add(Officer officer) {
		DatabaseClient.GenericExecuteSpec spec = this.db
			.sql("insert into officer (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (username) do nothing")
			.bind(0, officer.username())
			.bind(1, officer.passwordHash())
			.bind(2, officer.displayName())
			.bind(3, Roles.names(officer.roles()))
			.bind(5, officer.enabled())
			.bind(6, officer.createdAt())
			.bind(7, officer.createdBy());
		spec = (officer.cityCode() == null) ? spec.bindNull(4, String.class) : spec.bind(4, officer.cityCode());
		return spec.fetch().rowsUpdated().map(n -> n == 1);
	}

	@Override
	public Flux<Officer> list() {
		return this.db.sql("select " + READ + " from officer order by username").map(R2dbcOfficerAccounts::officer).all();
	}

	@Override
	public Mono<Long> setPassword(String username, String passwordHash, boolean changeRequired,
			@Nullable Instant expiresAt, String by, Instant at) {
		DatabaseClient.GenericExecuteSpec spec = this.db
			.sql("update officer set " + CHANGED + ", password_hash = $4, password_change_required = $5, "
					+ "password_expires_at = $6 where username = $1 returning credential_version")
			.bind(0, username)
			.bind(1, at)
			.bind(2, by)
			.bind(3, passwordHash)
			.bind(4, changeRequired);
		spec = (expiresAt == null) ? spec.bindNull(5, Instant.class) : spec.bind(5, expiresAt);
		return version(spec);
	}

	@Override
	public Mono<Long> setEnabled(String username, boolean enabled, String by, Instant at) {
		return version(this.db.sql("update officer set " + CHANGED + ", enabled = $4 where username = $1 returning credential_version")
			.bind(0, username)
			.bind(1, at)
			.bind(2, by)
			.bind(3, enabled));
	}

	@Override
	public Mono<Long> revokeTokens(String username, String by, Instant at) {
		return version(this.db.sql("update officer set " + CHANGED + " where username = $1 returning credential_version")
			.bind(0, username)
			.bind(1, at)
			.bind(2, by));
	}

	private static Mono<Long> version(DatabaseClient.GenericExecuteSpec update) {
		return update.map(r -> r.get("credential_version", Long.class)).one();
	}

	private static Officer officer(Readable r) {
		Long version = r.get("credential_version", Long.class);
		return new Officer(r.get("username", String.class), r.get("password_hash", String.class),
				r.get("display_name", String.class), Roles.parse(r.get("roles", String[].class)),
				r.get("city_code", String.class), Boolean.TRUE.equals(r.get("enabled", Boolean.class)),
				r.get("created_at", Instant.class), r.get("created_by", String.class), version == null ? 0 : version,
				Boolean.TRUE.equals(r.get("password_change_required", Boolean.class)),
				r.get("password_expires_at", Instant.class));
	}

	/** Roles as stored: a text array of their names. */
	static final class Roles {

		private Roles() {
		}

		static String[] names(Set<Role> roles) {
			return roles.stream().map(Role::name).sorted().toArray(String[]::new);
		}

		static Set<Role> parse(String[] names) {
			Set<Role> roles = EnumSet.noneOf(Role.class);
			Arrays.stream(names).map(Role::valueOf).forEach(roles::add);
			return roles;
		}

	}

}
