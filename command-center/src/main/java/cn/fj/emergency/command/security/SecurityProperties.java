package cn.fj.emergency.command.security;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings.
 *
 * @param keyDir folder of the signing key; every hub instance must see the same key (default: {@code keys} under
 * the data folder)
 * @param issuer the {@code iss} of every token
 * @param officerTokenTtl lifetime of an officer's token after sign-in
 * @param serviceTokenTtl default lifetime of a service token
 * @param serviceTokenMaxTtl the longest lifetime ({@code validFor}) an administrator may give a service token
 * @param bootstrapAdminPassword password of the first administrator, created on first start when there is no
 * officer yet; when absent, a random one is generated and logged once. When set, it must keep the rules of every
 * password ({@link PasswordRules}), or the hub refuses to start
 */
@ConfigurationProperties("hub.security")
public record SecurityProperties(@Nullable String keyDir, @DefaultValue("fj-emergency-hub") String issuer,
		@DefaultValue("30m") Duration officerTokenTtl, @DefaultValue("365d") Duration serviceTokenTtl,
		@Nullable String bootstrapAdminPassword, @DefaultValue("730d") Duration serviceTokenMaxTtl) {

	public SecurityProperties {
		if (serviceTokenTtl.compareTo(serviceTokenMaxTtl) > 0) {
			throw new IllegalArgumentException("hub.security.service-token-ttl (" + serviceTokenTtl
					+ ") is longer than hub.security.service-token-max-ttl (" + serviceTokenMaxTtl + ")");
		}
	}

}
