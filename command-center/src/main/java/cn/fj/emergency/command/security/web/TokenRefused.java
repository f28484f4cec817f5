package cn.fj.emergency.command.security.web;

import java.io.Serial;

import org.springframework.security.core.AuthenticationException;

import cn.fj.emergency.command.error.HubException;

/** A bearer token that did not authenticate, with the hub's refusal (its code says why) for the answer. */
final class TokenRefused extends AuthenticationException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final HubException refusal;

	TokenRefused(HubException refusal) {
		super(refusal.getMessage(), refusal);
		this.refusal = refusal;
	}

	HubException refusal() {
		return this.refusal;
	}

}
