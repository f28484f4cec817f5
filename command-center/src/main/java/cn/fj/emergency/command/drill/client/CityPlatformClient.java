package cn.fj.emergency.command.drill.client;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * A city platform on the city link (RSocket over TCP, docs/city-link.md), with a {@code CITY_PLATFORM} service
 * token: reports incidents, follows and acknowledges its orders, submits situation reports, reads its events.
 */
public final class CityPlatformClient implements AutoCloseable {

	private final RSocketLink link;

	private CityPlatformClient(RSocketLink link) {
		this.link = link;
	}

	public static Mono<CityPlatformClient> connect(String host, int port, String token) {
		return RSocketLink.tcp(host, port, token).map(CityPlatformClient::new);
	}

	/** Route {@code incidents.report}: an {@code IncidentReport}; answers the {@code ReportReceipt}. */
	public Mono<JsonNode> report(Map<String, ?> report) {
		return this.link.request("incidents.report", report);
	}

	/** Route {@code orders.stream}: the platform's orders after {@code after} (null: from now on). */
	public Flux<JsonNode> orders(@Nullable Long after) {
		return this.link.stream("orders.stream", after(after));
	}

	/** Route {@code orders.ack}; {@code reason} is required for {@code REJECTED}. */
	public Mono<JsonNode> acknowledge(String orderId, String ackId, String state, @Nullable String reason) {
		Map<String, Object> ack = new LinkedHashMap<>();
		ack.put("orderId", orderId);
		ack.put("ackId", ackId);
		ack.put("state", state);
		if (reason != null) {
			ack.put("reason", reason);
		}
		return this.link.request("orders.ack", ack);
	}

	/** Route {@code sitreps.submit}: a {@code SitrepSubmission}; answers the {@code SitrepReceipt}. */
	public Mono<JsonNode> submitSitrep(Map<String, ?> sitrep) {
		return this.link.request("sitreps.submit", sitrep);
	}

	/** Route {@code events.stream}: everything the platform may see after {@code after} (null: from now on). */
	public Flux<JsonNode> events(@Nullable Long after) {
		return this.link.stream("events.stream", after(after));
	}

	/** Route {@code warnings.stream}: the published warnings covering the platform. */
	public Flux<JsonNode> warnings(@Nullable Long after) {
		return this.link.stream("warnings.stream", after(after));
	}

	private static Map<String, Object> after(@Nullable Long after) {
		Map<String, Object> request = new LinkedHashMap<>();
		if (after != null) {
			request.put("after", after);
		}
		return request;
	}

	public RSocketLink link() {
		return this.link;
	}

	@Override
	public void close() {
		this.link.close();
	}

}
