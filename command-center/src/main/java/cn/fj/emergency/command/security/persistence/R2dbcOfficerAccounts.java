package cn.fj.emergency.command.security.persistence;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import io.r2dbc.spi.Readable;
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

	private final DatabaseClient db;

	R2dbcOfficerAccounts(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Officer> find(String username) {
		return this.db.sql("select " + COLUMNS + " from officer where username = $1")
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
		return this.db.sql("select " + COLUMNS + " from officer order by username").map(R2dbcOfficerAccounts::officer).all();
	}

	@Override
	public Mono<Boolean> changePassword(String username, String passwordHash) {
		return this.db.sql("update officer set password_hash = $2 where username = $1")
			.bind(0, username)
			.bind(1, passwordHash)
			.fetch()
			.rowsUpdated()
			.map(n -> n == 1);
	}

	private static Officer officer(Readable r) {
		return new Officer(r.get("username", String.class), r.get("password_hash", String.class),
				r.get("display_name", String.class), Roles.parse(r.get("roles", String[].class)),
				r.get("city_code", String.class), Boolean.TRUE.equals(r.get("enabled", Boolean.class)),
				r.get("created_at", Instant.class), r.get("created_by", String.class));
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
