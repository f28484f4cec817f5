package cn.fj.emergency.command.security;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import cn.fj.emergency.command.schema.SchemaMigrations;

/**
 * On first start, when no officer exists, creates the administrator {@code admin}: with the configured password,
 * or with a random one written once to the log. Runs at start-up over JDBC, after the migrations; instances
 * starting together create it once. A configured password must keep the {@link PasswordRules}, or the hub does
 * not start.
 */
@Component
class FirstAdministrator implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	static final String USERNAME = "admin";

	private final SchemaMigrations migrations;

	private final SecurityProperties properties;

	private final PasswordHashing hashing;

	private final Clock clock;

	FirstAdministrator(SchemaMigrations migrations, SecurityProperties properties, PasswordHashing hashing, Clock clock) {
		this.migrations = migrations;
		this.properties = properties;
		this.hashing = hashing;
		this.clock = clock;
	}

	@Override
	public void afterPropertiesSet() throws SQLException {
		String setting = this.properties.bootstrapAdminPassword();
		if (setting != null && !setting.isBlank()) {
			String problem = PasswordRules.problem("hub.security.bootstrap-admin-password", setting);
			if (problem != null) {
				// checked at every start, not only the first: a setting that could never be used is a mistake to show
				throw new IllegalStateException("The first administrator's password does not keep the rules of every "
						+ "password: " + problem);
			}
		}
		SchemaMigrations.JdbcTarget target = this.migrations.target();
		try (Connection connection = DriverManager.getConnection(target.url(), target.username(), target.password())) {
			if (anyOfficer(connection)) {
				return;
			}
			connection.setAutoCommit(false);
			String configured = this.properties.bootstrapAdminPassword();
			String password = (configured != null && !configured.isBlank()) ? configured : randomPassword();
			try (PreparedStatement insert = connection.prepareStatement("""
					insert into officer (username, password_hash, display_name, roles, city_code, enabled, created_at, created_by)
					values (?, ?, 'Administrator', '{ADMIN}', null, true, ?, 'first-start') on conflict do nothing""")) {
				insert.setString(1, USERNAME);
				insert.setString(2, this.hashing.hashNow(password));
				insert.setTimestamp(3, Timestamp.from(this.clock.instant()));
				boolean created = insert.executeUpdate() == 1;
				if (created) {
					audit(connection);
				}
				connection.commit();
				if (created) {
					if (configured != null && !configured.isBlank()) {
						log.info("Created the first administrator '{}' with the configured password", USERNAME);
					}
					else {
						log.warn("Created the first administrator '{}' with the password {} (shown once: change it, or set "
								+ "hub.security.bootstrap-admin-password before the first start)", USERNAME, password);
					}
				}
			}
		}
	}

	/** The trail's first record, in the same transaction, chained as {@link AuditTrail} chains every other. */
	private void audit(Connection connection) throws SQLException {
		long seq;
		String prevHash;
		try (PreparedStatement head = connection.prepareStatement(
				"select last_seq, last_hash from audit_head where log = 'audit' for update");
				var result = head.executeQuery()) {
			result.next();
			seq = result.getLong(1) + 1;
			prevHash = result.getString(2);
		}
		Instant at = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		AuditTrail.Actor actor = AuditTrail.Actor.system();
		String details = "{\"first\":true}";
		String hash = AuditRecord.hashOf(prevHash, seq, at, actor.name(), actor.kind(), "officer.register", USERNAME,
				AuditRecord.Outcome.DONE, details);
		try (PreparedStatement insert = connection.prepareStatement(
				"insert into audit_record (seq, at, actor, actor_kind, action, subject, outcome, details, prev_hash, hash) "
						+ "values (?, ?, ?, ?, 'officer.register', ?, 'DONE', ?, ?, ?)");
				PreparedStatement update = connection.prepareStatement(
						"update audit_head set last_seq = ?, last_hash = ? where log = 'audit'")) {
			insert.setLong(1, seq);
			insert.setTimestamp(2, Timestamp.from(at));
			insert.setString(3, actor.name());
			insert.setString(4, actor.kind());
			insert.setString(5, USERNAME);
			insert.setString(6, details);
			insert.setString(7, prevHash);
			insert.setString(8, hash);
			insert.executeUpdate();
			update.setLong(1, seq);
			update.setString(2, hash);
			update.executeUpdate();
		}
	}

	private static boolean anyOfficer(Connection connection) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("select exists (select 1 from officer)");
				var result = query.executeQuery()) {
			return result.next() && result.getBoolean(1);
		}
	}

	private static String randomPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
