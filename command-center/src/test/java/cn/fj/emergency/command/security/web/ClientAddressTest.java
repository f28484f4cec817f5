package cn.fj.emergency.command.security.web;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import cn.fj.emergency.command.security.SignInProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in failures count against the peer's address; X-Forwarded-For is believed only from a trusted proxy. */
class ClientAddressTest {

	@Test
	void withoutTrustedProxiesTheHeaderIsIgnored() {
		ClientAddress addresses = new ClientAddress(properties(List.of()));
		assertThat(addresses.of(request("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
	}

	@Test
	void fromATrustedProxyTheRightMostUntrustedHopIsTheClient() {
		ClientAddress addresses = new ClientAddress(properties(List.of("10.0.0.1", "10.0.0.2")));
		// the client wrote the left-most entry itself: only the hops the proxies added count
		assertThat(addresses.of(request("10.0.0.1", "1.2.3.4, 198.51.100.1, 10.0.0.2"))).isEqualTo("198.51.100.1");
		assertThat(addresses.of(request("10.0.0.1", null))).isEqualTo("10.0.0.1");
		// from a peer that is not trusted, the header is whatever the client wrote
		assertThat(addresses.of(request("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
	}

	@Test
	void oneIpv6AddressHasOneSpelling() {
		ClientAddress addresses = new ClientAddress(properties(List.of("::1")));
		assertThat(addresses.of(request("0:0:0:0:0:0:0:1", "[2001:DB8::1]"))).isEqualTo(addresses.of(request("::1", "2001:db8:0:0:0:0:0:1")));
	}

	private static MockServerHttpRequest request(String peer, String forwardedFor) {
		MockServerHttpRequest.BaseBuilder<?> builder = MockServerHttpRequest.post("/api/auth/token")
			.remoteAddress(new InetSocketAddress(peer, 40000));
		if (forwardedFor != null) {
			builder.header("X-Forwarded-For", forwardedFor);
		}
		return builder.build();
	}

	private static SignInProperties properties(List<String> trusted) {
		return new SignInProperties(5, 20, Duration.ofMinutes(15), trusted, Duration.ofHours(24));
	}

}
