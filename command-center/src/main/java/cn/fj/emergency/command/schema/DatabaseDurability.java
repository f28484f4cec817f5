package cn.fj.emergency.command.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of a PostgreSQL server that decide whether a commit it acknowledged survives a crash of the server,
 * of the operating system or a power cut, as the server reports them to the hub's own connection.
 * @param fsync {@code on}: writes reach the disk before a commit is acknowledged
 * @param synchronousCommit anything but {@code off}: a commit waits for its write-ahead log to be flushed
 * @param fullPageWrites {@code on}: a page torn by a crash in mid-write can be restored
 */
public record DatabaseDurability(String fsync, String synchronousCommit, String fullPageWrites) {

	/** The query that reads them, one column each. */
	static final String QUERY = "SELECT current_setting('fsync'), current_setting('synchronous_commit'), "
			+ "current_setting('full_page_writes')";

	/** The settings that are off, by their PostgreSQL names. */
	public List<String> offSettings() {
		List<String> off = new ArrayList<>();
		if (!"on".equals(this.fsync)) {
			off.add("fsync");
		}
		if ("off".equals(this.synchronousCommit)) {
			off.add("synchronous_commit");
		}
		if (!"on".equals(this.fullPageWrites)) {
			off.add("full_page_writes");
		}
		return off;
	}

	public boolean durable() {
		return offSettings().isEmpty();
	}

	/** By their PostgreSQL names, for the log and health. */
	public Map<String, String> settings() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("fsync", this.fsync);
		settings.put("synchronous_commit", this.synchronousCommit);
		settings.put("full_page_writes", this.fullPageWrites);
		return settings;
	}

	/** Why a hub refuses this server, and what to do. */
	String refusal(String server) {
		List<String> off = offSettings();
		return "PostgreSQL at " + server + " is not durable: " + String.join(", ", off) + " "
				+ (off.size() == 1 ? "is" : "are") + " off, so a crash of the machine could lose reports the hub has "
				+ "acknowledged or corrupt the database. Turn " + (off.size() == 1 ? "it" : "them") + " on ("
				+ String.join(", ", off.stream().map((name) -> "ALTER SYSTEM SET " + name + " = on").toList())
				+ ", then SELECT pg_reload_conf(); or in postgresql.conf, and for synchronous_commit also any "
				+ "ALTER ROLE/DATABASE ... SET), or, on a test machine whose data does not matter, start the hub with "
				+ AllowNonDurable.PROPERTY + "=true (environment: " + AllowNonDurable.ENVIRONMENT + "=true).";
	}

	/** The setting that lets a hub run on a server that is not durable. */
	static final class AllowNonDurable {

		static final String PROPERTY = "hub.database.allow-non-durable";

		static final String ENVIRONMENT = "HUB_DATABASE_ALLOW_NON_DURABLE";

		private AllowNonDurable() {
		}

	}

}
