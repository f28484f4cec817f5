package cn.fj.emergency.command.security.web;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.error.web.ProblemDetails;

/**
 * Writes a refusal made before any handler runs (firewall, authentication, authorisation) as the hub's one HTTP
 * error body, the problem details with their {@code code}.
 */
final class ProblemResponses {

	private final JsonMapper json;

	ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	Mono<Void> write(ServerWebExchange exchange, HubException refusal) {
		ServerHttpResponse response = exchange.getResponse();
		var entity = ProblemDetails.response(refusal, exchange.getRequest().getPath().value());
		response.setStatusCode(entity.getStatusCode());
		response.getHeaders().putAll(entity.getHeaders());
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = this.json.writeValueAsString(ProblemDetails.asMap(entity.getBody())).getBytes(StandardCharsets.UTF_8);
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

}
