package cn.fj.emergency.command.citylink;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.rsocket.RSocket;
import io.rsocket.core.RSocketConnector;
import io.rsocket.metadata.AuthMetadataCodec;
import io.rsocket.metadata.CompositeMetadataCodec;
import io.rsocket.metadata.WellKnownMimeType;
import io.rsocket.transport.ClientTransport;
import io.rsocket.transport.netty.client.TcpClientTransport;
import io.rsocket.transport.netty.client.WebsocketClientTransport;
import io.rsocket.util.ByteBufPayload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests larger than the hub accepts: answered with the JSON error {@code PAYLOAD_TOO_LARGE} where the transport
 * can carry an answer (an HTTP body, an RSocket request reassembled from fragments), and, where it cannot (a
 * WebSocket message past 64 KiB), the connection is closed with WebSocket's "message too big"; a client that
 * fragments its RSocket frames as docs/console-stream.md says gets its answer.
 */
class OversizeRequestsTest {

	static final Duration WAIT = Duration.ofSeconds(60);

	static Hub hub;

	static String cityToken;

	@BeforeAll
	static void startHub() {
		hub = Hub.cluster(1).get(0);
		cityToken = hub.cityPlatformToken("350200").get("token").asString();
	}

	@AfterAll
	static void stop() {
		hub.close();
	}

	@Test
	void anHttpBodyPastTheLimitIsPayloadTooLarge() {
		byte[] body = spaces(300 * 1024);
		hub.http()
			.post()
			.uri("/api/incidents")
			.headers(h -> h.setBearerAuth(hub.dutyOfficerToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("PAYLOAD_TOO_LARGE")
			.jsonPath("$.retryable")
			.isEqualTo(false);
	}

	@Test
	void anRSocketRequestReassembledPastSixteenMebibytesIsPayloadTooLarge() {
		RSocket rsocket = fragmenting(TcpClientTransport.create("127.0.0.1", hub.cityLinkPort()));
		try {
			JsonNode body = refusal(rsocket, spaces(17 * 1024 * 1024));
			assertThat(body.get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
			assertThat(body.get("retryable").asBoolean()).isFalse();
			// the connection goes on serving
			JsonNode receipt = HubClient.JSON.readTree(rsocket.requestResponse(HubClient.rawPayload("incidents.report",
					HubClient.JSON.writeValueAsBytes(Reports.xiamen("after-oversize")))).block(WAIT).getDataUtf8());
			assertThat(receipt.get("reportId").asString()).isEqualTo("after-oversize");
		}
		finally {
			rsocket.dispose();
		}
	}

	@Test
	void overWebSocketAFragmentingClientSendsMoreThan64KiBAndGetsItsAnswer() {
		Map<String, Object> report = Reports.xiamen("ws-long");
		report.put("description", "x".repeat(70 * 1024));
		RSocket rsocket = fragmenting(WebsocketClientTransport.create(URI.create("ws://127.0.0.1:" + hub.httpPort() + "/rsocket")));
		try {
			JsonNode body = refusal(rsocket, HubClient.JSON.writeValueAsBytes(report));
			assertThat(body.get("code").asString()).isEqualTo("FIELD_TOO_LONG");
			assertThat(body.get("field").asString()).isEqualTo("description");
		}
		finally {
			rsocket.dispose();
		}
	}

	@Test
	void aWebSocketMessagePast64KiBClosesTheConnectionAsMessageTooBig() {
		WebSocketCloseStatus status = HttpClient.create()
			.websocket()
			.uri("ws://127.0.0.1:" + hub.httpPort() + "/rsocket")
			.handle((in, out) -> out.sendObject(Mono.just(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(spaces(65 * 1024)))))
				.then()
				.thenMany(in.receiveCloseStatus()))
			.blockFirst(WAIT);

		assertThat(status).isNotNull();
		assertThat(status.code()).isEqualTo(WebSocketCloseStatus.MESSAGE_TOO_BIG.code());
	}

	/** A city platform's connection that fragments its frames at 16 KiB (RSocket fragmentation). */
	private static RSocket fragmenting(ClientTransport transport) {
		CompositeByteBuf setup = ByteBufAllocator.DEFAULT.compositeBuffer();
		CompositeMetadataCodec.encodeAndAddMetadata(setup, ByteBufAllocator.DEFAULT,
				WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION,
				AuthMetadataCodec.encodeBearerMetadata(ByteBufAllocator.DEFAULT, cityToken.toCharArray()));
		return RSocketConnector.create()
			.metadataMimeType(WellKnownMimeType.MESSAGE_RSOCKET_COMPOSITE_METADATA.getString())
			.dataMimeType("application/json")
			.setupPayload(ByteBufPayload.create(Unpooled.EMPTY_BUFFER, setup))
			.fragment(16 * 1024)
			.connect(transport)
			.block(WAIT);
	}

	private static JsonNode refusal(RSocket rsocket, byte[] data) {
		try {
			rsocket.requestResponse(HubClient.rawPayload("incidents.report", data)).block(WAIT);
			throw new AssertionError("the oversize request was answered");
		}
		catch (RuntimeException error) {
			return HubClient.errorBody(error);
		}
	}

	private static byte[] spaces(int size) {
		byte[] data = new byte[size];
		Arrays.fill(data, (byte) ' ');
		return data;
	}

}
