package cn.fj.emergency.command.security.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

import cn.fj.emergency.command.security.SignInProperties;

/**
 * The address sign-in attempts are counted against: the connection's peer address; or, when the peer is one of
 * {@code hub.security.sign-in.trusted-proxies}, the address its {@code X-Forwarded-For} names: the right-most
 * entry that is not itself a trusted proxy (entries further left are whatever the client wrote). Without trusted
 * proxies the header is never read, so a client cannot choose its own address.
 */
@Component
class ClientAddress {

	private final Set<String> trustedProxies;

	ClientAddress(SignInProperties properties) {
		this.trustedProxies = properties.trustedProxies().stream().map(ClientAddress::normalise).collect(Collectors.toSet());
	}

	String of(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		String peer = (remote == null || remote.getAddress() == null) ? "unknown" : remote.getAddress().getHostAddress();
		if (!this.trustedProxies.contains(peer)) {
			return peer;
		}
		List<String> forwarded = request.getHeaders().getValuesAsList("X-Forwarded-For");
		for (int i = forwarded.size() - 1; i >= 0; i--) {
			String hop = normalise(forwarded.get(i));
			if (!this.trustedProxies.contains(hop)) {
				return hop;
			}
		}
		return peer;
	}

	/** An address as {@link InetAddress#getHostAddress()} writes it, so that one address has one spelling. */
	private static String normalise(String address) {
		String trimmed = address.trim();
		if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
			trimmed = trimmed.substring(1, trimmed.length() - 1);
		}
		@Nullable String literal = literal(trimmed);
		return literal == null ? trimmed : literal;
	}

	// only literal addresses (a dotted IPv4 address, or an IPv6 one, which has colons): never a name lookup
	private static @Nullable String literal(String text) {
		boolean v4 = text.matches("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
		boolean v6 = text.indexOf(':') >= 0 && text.matches("[0-9A-Fa-f:.]+");
		if (!v4 && !v6) {
			return null;
		}
		try {
			return InetAddress.getByName(text).getHostAddress();
		}
		catch (java.net.UnknownHostException ex) {
			return null;
		}
	}

}
