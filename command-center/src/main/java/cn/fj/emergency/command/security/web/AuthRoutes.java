package cn.fj.emergency.command.security.web;

import java.util.List;
import java.util.Map;

import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.Jwks;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.security.ChangingPassword;
import cn.fj.emergency.command.security.HubPrincipal;
import cn.fj.emergency.command.security.IssuedToken;
import cn.fj.emergency.command.security.SigningIn;
import cn.fj.emergency.command.security.SigningKeys;

/** Sign-in, who-am-I, and the public key that verifies the hub's tokens and signatures. */
@RestController
@RequestMapping("/api/auth")
class AuthRoutes {

	private final SigningIn signingIn;

	private final ChangingPassword changingPassword;

	private final Map<String, Object> jwks;

	private final ClientAddress clientAddress;

	AuthRoutes(SigningIn signingIn, ChangingPassword changingPassword, SigningKeys keys, ClientAddress clientAddress) {
		this.clientAddress = clientAddress;
		this.signingIn = signingIn;
		this.changingPassword = changingPassword;
		Jwk<?> jwk = Jwks.builder().key(keys.publicKey()).id(keys.keyId()).algorithm("ES256").publicKeyUse("sig").build();
		this.jwks = Map.of("keys", List.of(Map.copyOf(jwk)));
	}

	@PostMapping("/token")
	Mono<IssuedToken> signIn(@RequestBody SignIn request, ServerHttpRequest http) {
		String username = request.username();
		String password = request.password();
		if (username == null || username.isBlank()) {
			return Mono.error(HubException.field(ErrorCode.FIELD_REQUIRED, "username", "username is required"));
		}
		if (password == null || password.isEmpty()) {
			return Mono.error(HubException.field(ErrorCode.FIELD_REQUIRED, "password", "password is required"));
		}
		String newPassword = request.newPassword();
		return this.signingIn.signIn(username, password, newPassword == null || newPassword.isEmpty() ? null : newPassword,
				this.clientAddress.of(http));
	}

	@PostMapping("/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> changePassword(HubPrincipal principal, @RequestBody PasswordChange request) {
		String current = request.currentPassword();
		String next = request.newPassword();
		if (current == null || current.isEmpty()) {
			return Mono.error(HubException.field(ErrorCode.FIELD_REQUIRED, "currentPassword", "currentPassword is required"));
		}
		if (next == null || next.isEmpty()) {
			return Mono.error(HubException.field(ErrorCode.FIELD_REQUIRED, "newPassword", "newPassword is required"));
		}
		return this.changingPassword.change(principal, current, next);
	}

	@GetMapping("/me")
	HubPrincipal me(HubPrincipal principal) {
		return principal;
	}

	@GetMapping("/jwks")
	Map<String, Object> jwks() {
		return this.jwks;
	}

	/** {@code newPassword}: required when {@code password} is a one-time password; otherwise it changes the password. */
	record SignIn(@Nullable String username, @Nullable String password, @Nullable String newPassword) {
	}

	record PasswordChange(@Nullable String currentPassword, @Nullable String newPassword) {
	}

}
