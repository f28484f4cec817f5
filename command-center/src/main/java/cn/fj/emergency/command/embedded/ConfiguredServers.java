package cn.fj.emergency.command.embedded;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The servers the configuration names, described for the log without their passwords.
 */
final class ConfiguredServers {

	static final String R2DBC_URL = "spring.r2dbc.url";

	static final String REDIS_URL = "spring.data.redis.url";

	static final String REDIS_HOST = "spring.data.redis.host";

	// Any of these makes Spring Boot connect to a Redis of its own; starting one here would only sit idle
	private static final List<String> REDIS_NODES = List.of("spring.data.redis.sentinel.nodes",
			"spring.data.redis.cluster.nodes", "spring.data.redis.masterreplica.nodes");

	private static final Pattern PASSWORD = Pattern.compile("(//[^/@:]*:)[^/@]*@");

	private ConfiguredServers() {
	}

	static Optional<String> postgres(Environment environment) {
		return value(environment, R2DBC_URL).map(ConfiguredServers::withoutPassword);
	}

	static Optional<String> redis(Environment environment) {
		Optional<String> url = value(environment, REDIS_URL).map(ConfiguredServers::withoutPassword);
		if (url.isPresent()) {
			return url;
		}
		Optional<String> host = value(environment, REDIS_HOST)
			.map((name) -> name + ":" + environment.getProperty("spring.data.redis.port", "6379"));
		if (host.isPresent()) {
			return host;
		}
		return REDIS_NODES.stream()
			.flatMap((property) -> value(environment, property).map((nodes) -> property + "=" + nodes).stream())
			.findFirst();
	}

	static String withoutPassword(String url) {
		return PASSWORD.matcher(url).replaceFirst("$1******@");
	}

	private static Optional<String> value(Environment environment, String property) {
		return Optional.ofNullable(environment.getProperty(property)).filter(StringUtils::hasText);
	}

}
