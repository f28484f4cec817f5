package cn.fj.emergency.command.security;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.fj.emergency.command.HubProperties;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SigningKeys signingKeys(SecurityProperties security, HubProperties hub) {
		String dir = security.keyDir();
		return SigningKeys.loadOrCreate(dir != null ? Path.of(dir) : Path.of(hub.dataDir(), "keys"));
	}

	@Bean
	TokenService tokenService(SigningKeys keys, SecurityProperties security, Clock clock) {
		return new TokenService(keys, security.issuer(), clock);
	}

	@Bean
	Authenticator authenticator(TokenService tokens, ServiceTokens serviceTokens, OfficerAccounts officers) {
		return new Authenticator(tokens, serviceTokens, officers);
	}

	@Bean
	PasswordHashing passwordHashing() {
		return new PasswordHashing();
	}

}
