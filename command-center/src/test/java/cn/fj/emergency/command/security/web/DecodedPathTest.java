package cn.fj.emergency.command.security.web;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/** Access rules see the path as the router does: decoded segments, no matrix parameters. */
class DecodedPathTest {

	private static String decoded(String rawPath) {
		return DecodedPath.of(MockServerWebExchange.from(MockServerHttpRequest.method(HttpMethod.GET, URI.create(rawPath))));
	}

	@Test
	void anEncodedLetterIsThePlainLetter() {
		assertThat(decoded("/%61pi/admin/officers")).isEqualTo("/api/admin/officers");
		assertThat(decoded("/api/warnings/abc/%75pdate")).isEqualTo("/api/warnings/abc/update");
	}

	@Test
	void matrixParametersAreNotPartOfThePath() {
		assertThat(decoded("/api/orders;x")).isEqualTo("/api/orders");
		assertThat(decoded("/api;x=1/incidents")).isEqualTo("/api/incidents");
	}

	@Test
	void thePlainPathIsItself() {
		assertThat(decoded("/api/incidents/0193a0c4/level")).isEqualTo("/api/incidents/0193a0c4/level");
		assertThat(decoded("/console/")).isEqualTo("/console/");
	}

}
