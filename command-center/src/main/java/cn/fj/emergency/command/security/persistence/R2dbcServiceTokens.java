package cn.fj.emergency.command.security.persistence;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.security.ServiceTokens;

@Repository
class R2dbcServiceTokens implements ServiceTokens {

	private static final String COLUMNS = "id, subject, roles, city_code, description, issued_by, issued_at, expires_at, revoked_at";

	private final DatabaseClient db;

	R2dbcServiceTokens(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Void> record(ServiceToken token) {
		DatabaseClient.GenericExecuteSpec spec = this.db
			.sql("insert into service_token (id, subject, roles, city_code, description, issued_by, issued_at, expires_at) "
					+ "values ($1, $2, $3, $4, $5, $6, $7, $8)")
			.bind(0, UUID.fromString(token.id()))
			.bind(1, token.subject())
			.bind(2, R2dbcOfficerAccounts.Roles.names(token.roles()))
			.bind(4, token.description())
			.bind(5, token.issuedBy())
			.bind(6, token.issuedAt())
			.bind(7, token.expiresAt());
		spec = (token.cityCode() == null) ? spec.bindNull(3, String.class) : spec.bind(3, token.cityCode());
		return spec.then();
	}

	@Override
	public Mono<ServiceToken> find(String tokenId) {
		UUID id;
		try {
			id = UUID.fromString(tokenId);
		}
		catch (IllegalArgumentException ex) {
			return Mono.empty();
		}
		return this.db.sql("select " + COLUMNS + " from service_token where id = $1")
			.bind(0, id)
			.map(R2dbcServiceTokens::token)
			.one();
	}

	@Override
	public Flux<ServiceToken> list() {
		return this.db.sql("select " + COLUMNS + " from service_token order by issued_at").map(R2dbcServiceTokens::token).all();
	}

	@Override
	public Mono<Boolean> revoke(String tokenId, String by, Instant at) {
		return this.db.sql("update service_token set revoked_at = $2, revoked_by = $3 where id = $1 and revoked_at is null")
			.bind(0, UUID.fromString(tokenId))
			.bind(1, at)
			.bind(2, by)
			.fetch()
			.rowsUpdated()
			.map(n -> n == 1);
	}

	private static ServiceToken token(Readable r) {
		return new ServiceToken(String.valueOf(r.get("id", UUID.class)), r.get("subject", String.class),
				R2dbcOfficerAccounts.Roles.parse(r.get("roles", String[].class)), r.get("city_code", String.class),
				r.get("description", String.class), r.get("issued_by", String.class), r.get("issued_at", Instant.class),
				r.get("expires_at", Instant.class), r.get("revoked_at", Instant.class));
	}

}
