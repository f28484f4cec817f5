package cn.fj.emergency.command.citylink;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.rsocket.util.ByteBufPayload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests a client gets wrong are refused with INVALID_REQUEST or ROUTE_NOT_FOUND, never an internal error. */
class CityLinkProtocolTest {

	static Hub hub;

	static HubClient xiamen;

	@BeforeAll
	static void connect() {
		hub = Hub.cluster(1).get(0);
		xiamen = hub.city("350200");
	}

	@AfterAll
	static void stop() {
		xiamen.close();
		hub.close();
	}

	@Test
	void unreadableJsonIsAnInvalidRequestAndAFieldOfTheWrongTypeAnInvalidField() {
		byte[] data = "{\"reportId\": \"x\", \"latitude\": \"north\"}".getBytes(StandardCharsets.UTF_8);
		StepVerifier.create(xiamen.rsocket().requestResponse(HubClient.rawPayload("incidents.report", data)))
			.expectErrorSatisfies(error -> {
				assertThat(HubClient.errorBody(error).get("code").asString()).isEqualTo("INVALID_FIELD");
				assertThat(HubClient.errorBody(error).get("field").asString()).isEqualTo("latitude");
				assertThat(HubClient.errorBody(error).get("message").asString()).isEqualTo("field 'latitude' must be a number");
			})
			.verify(Duration.ofSeconds(10));
		assertRefused(xiamen.rsocket().requestResponse(HubClient.rawPayload("incidents.report", "{".getBytes(StandardCharsets.UTF_8))),
				"INVALID_REQUEST");
	}

	@Test
	void aRouteUsedWithAnotherInteractionIsAnInvalidRequest() {
		StepVerifier.create(xiamen.stream("incidents.report", Map.of()))
			.expectErrorSatisfies(error -> {
				assertThat(HubClient.errorBody(error).get("code").asString()).isEqualTo("INVALID_REQUEST");
				assertThat(HubClient.errorBody(error).get("route").asString()).isEqualTo("incidents.report");
			})
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void anUnknownRouteIsNotFound() {
		assertRefused(xiamen.request("orders.delete", Map.of()), "ROUTE_NOT_FOUND");
	}

	@Test
	void malformedMetadataIsAnInvalidRequest() {
		byte[] metadata = { (byte) 0xFE, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01 };
		assertRefused(xiamen.rsocket().requestResponse(
				ByteBufPayload.create(Unpooled.wrappedBuffer("{}".getBytes(StandardCharsets.UTF_8)), Unpooled.wrappedBuffer(metadata))),
				"INVALID_REQUEST");
	}

	private static void assertRefused(Mono<?> request, String code) {
		StepVerifier.create(request)
			.expectErrorSatisfies(error -> assertThat(HubClient.errorBody(error).get("code").asString()).isEqualTo(code))
			.verify(Duration.ofSeconds(10));
	}

}
