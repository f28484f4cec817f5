package cn.fj.emergency.command.embedded;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;

/**
 * {@code hub.jdbc.*}, the JDBC coordinates Flyway uses, derived from {@code spring.r2dbc.*} whenever they are not
 * set explicitly. It sits last, so anything configured wins, and it reads the environment on every lookup, so it
 * follows a URL that a test adds only after the environment was prepared.
 */
final class JdbcFromR2dbcPropertySource extends EnumerablePropertySource<Function<String, @Nullable String>> {

	static final String NAME = "hub-jdbc-from-r2dbc";

	static final String URL = "hub.jdbc.url";

	static final String USERNAME = "hub.jdbc.username";

	static final String PASSWORD = "hub.jdbc.password";

	private static final Pattern R2DBC_URL = Pattern
		.compile("r2dbc(s?):(?:pool:)?postgres(?:ql)?://(?:([^@/:]*)(?::([^@/]*))?@)?(.*)");

	/**
	 * The source is a view of the environment, not the environment itself: Spring Boot descends into sources whose
	 * source is an environment, and would meet this one inside again, forever.
	 */
	JdbcFromR2dbcPropertySource(Environment environment) {
		super(NAME, environment::getProperty);
	}

	/**
	 * All names, even those without a value now: resolving a value reads the environment, and the environment
	 * enumerates these names while it resolves, so deciding here would recurse.
	 */
	@Override
	public String[] getPropertyNames() {
		return new String[] { URL, USERNAME, PASSWORD };
	}

	@Override
	public boolean containsProperty(String name) {
		return getProperty(name) != null;
	}

	@Override
	public @Nullable Object getProperty(String name) {
		return switch (name) {
			case URL -> jdbcUrl(r2dbcUrl());
			case USERNAME -> configuredOr("spring.r2dbc.username", 2);
			case PASSWORD -> configuredOr("spring.r2dbc.password", 3);
			default -> null;
		};
	}

	private @Nullable String r2dbcUrl() {
		return getSource().apply("spring.r2dbc.url");
	}

	/** The R2DBC property, or else the user information in the R2DBC URL. */
	private @Nullable String configuredOr(String property, int userInfoGroup) {
		String configured = getSource().apply(property);
		if (configured != null) {
			return configured;
		}
		Matcher url = matcher(r2dbcUrl());
		String fromUrl = (url != null) ? url.group(userInfoGroup) : null;
		// URLDecoder decodes forms, where '+' is a space; in a URL it is itself
		return (fromUrl != null) ? URLDecoder.decode(fromUrl.replace("+", "%2B"), StandardCharsets.UTF_8) : null;
	}

	/**
	 * The JDBC URL for the same server and database: {@code r2dbc:postgresql://h:p/db?x} becomes
	 * {@code jdbc:postgresql://h:p/db?x}. The user information moves to {@code hub.jdbc.username} and
	 * {@code hub.jdbc.password}, since the PostgreSQL JDBC driver does not read it from the URL.
	 * @return the JDBC URL, or {@code null} if the URL is not a PostgreSQL R2DBC URL
	 */
	static @Nullable String jdbcUrl(@Nullable String r2dbcUrl) {
		Matcher url = matcher(r2dbcUrl);
		if (url == null) {
			return null;
		}
		String jdbcUrl = "jdbc:postgresql://" + url.group(4);
		if (url.group(1).isEmpty()) {
			return jdbcUrl;
		}
		return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "sslmode=require";
	}

	private static @Nullable Matcher matcher(@Nullable String r2dbcUrl) {
		if (r2dbcUrl == null) {
			return null;
		}
		Matcher url = R2DBC_URL.matcher(r2dbcUrl.strip());
		return url.matches() ? url : null;
	}

}
