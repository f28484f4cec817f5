package cn.fj.emergency.command.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in throttling and one-time passwords (docs/http-api.md, "Sign-in throttling").
 *
 * @param maxFailuresPerUser failed sign-ins of one username, within {@code failureWindow}, after which that
 * username's sign-ins are refused until the window ends
 * @param maxFailuresPerAddress the same for one client address, whatever the usernames tried
 * @param failureWindow how long failures are counted from the first one, and so how long a lockout lasts at most
 * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For} names the client; from any
 * other peer the header is ignored and the connection's address counts
 * @param oneTimePasswordTtl how long a one-time password set by an administrator can be used
 */
@ConfigurationProperties("hub.security.sign-in")
public record SignInProperties(@DefaultValue("5") int maxFailuresPerUser, @DefaultValue("20") int maxFailuresPerAddress,
		@DefaultValue("15m") Duration failureWindow, @DefaultValue List<String> trustedProxies,
		@DefaultValue("24h") Duration oneTimePasswordTtl) {

	public SignInProperties {
		if (maxFailuresPerUser < 1 || maxFailuresPerAddress < 1) {
			throw new IllegalArgumentException("hub.security.sign-in.max-failures-per-user and -per-address must be at least 1");
		}
		if (failureWindow.isNegative() || failureWindow.toMillis() < 1000) {
			throw new IllegalArgumentException("hub.security.sign-in.failure-window must be at least one second");
		}
		if (oneTimePasswordTtl.isNegative() || oneTimePasswordTtl.isZero()) {
			throw new IllegalArgumentException("hub.security.sign-in.one-time-password-ttl must be positive");
		}
		trustedProxies = List.copyOf(trustedProxies);
	}

}
