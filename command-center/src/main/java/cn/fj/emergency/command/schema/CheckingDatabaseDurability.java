package cn.fj.emergency.command.schema;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses to start on a PostgreSQL, embedded or configured, that could lose acknowledged commits in a crash
 * (fsync, synchronous_commit or full_page_writes off), unless {@code hub.database.allow-non-durable} says that
 * this is wanted. Runs at start-up over JDBC, before the migrations and before any traffic, on the coordinates the
 * migrations use.
 */
@Component
public class CheckingDatabaseDurability implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(CheckingDatabaseDurability.class);

	private final String url;

	private final String username;

	private final String password;

	private final boolean allowNonDurable;

	private volatile DatabaseDurability found = new DatabaseDurability("unknown", "unknown", "unknown");

	public CheckingDatabaseDurability(@Value("${hub.jdbc.url}") String url,
			@Value("${hub.jdbc.username:}") String username, @Value("${hub.jdbc.password:}") String password,
			@Value("${" + DatabaseDurability.AllowNonDurable.PROPERTY + ":false}") boolean allowNonDurable) {
		this.url = url;
		this.username = username;
		this.password = password;
		this.allowNonDurable = allowNonDurable;
	}

	@Override
	public void afterPropertiesSet() {
		DatabaseDurability durability = read();
		this.found = durability;
		String server = withoutQuery(this.url);
		if (durability.durable()) {
			log.info("PostgreSQL at {} is durable: {}", server, durability.settings());
		}
		else if (this.allowNonDurable) {
			log.warn("PostgreSQL at {} is NOT durable ({} off; {}): a crash of the machine could lose acknowledged "
					+ "reports or corrupt the database. Running anyway, as {}=true allows", server,
					String.join(", ", durability.offSettings()), durability.settings(),
					DatabaseDurability.AllowNonDurable.PROPERTY);
		}
		else {
			throw new IllegalStateException(durability.refusal(server));
		}
	}

	/** Whether the hub was told to run on a server that is not durable. */
	public boolean nonDurableAllowed() {
		return this.allowNonDurable;
	}

	/** What the check found at start-up. */
	public DatabaseDurability atStartUp() {
		return this.found;
	}

	private DatabaseDurability read() {
		try (Connection connection = DriverManager.getConnection(this.url, this.username, this.password);
				Statement statement = connection.createStatement();
				ResultSet settings = statement.executeQuery(DatabaseDurability.QUERY)) {
			settings.next();
			return new DatabaseDurability(settings.getString(1), settings.getString(2), settings.getString(3));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the durability settings of PostgreSQL at "
					+ withoutQuery(this.url) + ": " + ex.getMessage(), ex);
		}
	}

	// a JDBC URL may carry the password as a parameter
	private static String withoutQuery(String url) {
		int query = url.indexOf('?');
		return (query < 0) ? url : url.substring(0, query);
	}

}
