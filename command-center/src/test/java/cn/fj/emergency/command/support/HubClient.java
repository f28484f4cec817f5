package cn.fj.emergency.command.support;

import java.net.URI;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.core.RSocketConnector;
import io.rsocket.metadata.AuthMetadataCodec;
import io.rsocket.metadata.CompositeMetadataCodec;
import io.rsocket.metadata.TaggingMetadataCodec;
import io.rsocket.metadata.WellKnownMimeType;
import io.rsocket.transport.ClientTransport;
import io.rsocket.transport.netty.client.TcpClientTransport;
import io.rsocket.transport.netty.client.WebsocketClientTransport;
import io.rsocket.util.ByteBufPayload;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client written the way an outside team would from docs/city-link.md: plain rsocket-java, composite metadata
 * with a bearer token in SETUP and a route per request, JSON data. Used for city platforms (TCP) and consoles
 * (WebSocket).
 */
public final class HubClient implements AutoCloseable {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final RSocket rsocket;

	private HubClient(RSocket rsocket) {
		this.rsocket = rsocket;
	}

	public static HubClient tcp(int port, String token) {
		return connect(TcpClientTransport.create("127.0.0.1", port), token);
	}

	/** Over TLS, trusting the given trust managers (the test's self-signed certificate). */
	public static HubClient tls(int port, String token, javax.net.ssl.TrustManagerFactory trust) {
		reactor.netty.tcp.TcpClient tcp = reactor.netty.tcp.TcpClient.create()
			.host("127.0.0.1")
			.port(port)
			.secure(spec -> spec.sslContext((reactor.netty.tcp.SslProvider.GenericSslContextSpec<?>) reactor.netty.tcp.TcpSslContextSpec.forClient()
				.configure(b -> b.trustManager(trust))));
		return connect(TcpClientTransport.create(tcp), token);
	}

	public static HubClient websocket(int httpPort, String token) {
		return connect(WebsocketClientTransport.create(URI.create("ws://127.0.0.1:" + httpPort + "/rsocket")), token);
	}

	/** A connection whose SETUP carries composite metadata with no authentication entry at all. */
	public static HubClient tcpWithoutAuthentication(int port) {
		return connect(TcpClientTransport.create("127.0.0.1", port), Unpooled.EMPTY_BUFFER);
	}

	/** Over WebSocket, a SETUP with no authentication entry. */
	public static HubClient websocketWithoutAuthentication(int httpPort) {
		return connect(WebsocketClientTransport.create(URI.create("ws://127.0.0.1:" + httpPort + "/rsocket")),
				Unpooled.EMPTY_BUFFER);
	}

	private static HubClient connect(ClientTransport transport, String token) {
		return connect(transport, metadata(WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION,
				AuthMetadataCodec.encodeBearerMetadata(ByteBufAllocator.DEFAULT, token.toCharArray())));
	}

	private static HubClient connect(ClientTransport transport, ByteBuf setupMetadata) {
		RSocket rsocket = RSocketConnector.create()
			.metadataMimeType(WellKnownMimeType.MESSAGE_RSOCKET_COMPOSITE_METADATA.getString())
			.dataMimeType("application/json")
			.setupPayload(ByteBufPayload.create(Unpooled.EMPTY_BUFFER, setupMetadata))
			.connect(transport)
			.block();
		return new HubClient(rsocket);
	}

	private static ByteBuf metadata(WellKnownMimeType type, ByteBuf content) {
		CompositeByteBuf composite = ByteBufAllocator.DEFAULT.compositeBuffer();
		CompositeMetadataCodec.encodeAndAddMetadata(composite, ByteBufAllocator.DEFAULT, type, content);
		return composite;
	}

	private static Payload payload(String route, Object data) {
		return rawPayload(route, JSON.writeValueAsBytes(data));
	}

	/** A request with the given bytes as data, whatever they are. */
	public static Payload rawPayload(String route, byte[] data) {
		ByteBuf routing = TaggingMetadataCodec.createTaggingContent(ByteBufAllocator.DEFAULT, List.of(route));
		return ByteBufPayload.create(Unpooled.wrappedBuffer(data), metadata(WellKnownMimeType.MESSAGE_RSOCKET_ROUTING, routing));
	}

	private static JsonNode json(Payload payload) {
		try {
			return JSON.readTree(payload.getDataUtf8());
		}
		finally {
			payload.release();
		}
	}

	public Mono<JsonNode> request(String route, Object data) {
		return Mono.defer(() -> this.rsocket.requestResponse(payload(route, data))).map(HubClient::json);
	}

	public Flux<JsonNode> stream(String route, Object data) {
		return Flux.defer(() -> this.rsocket.requestStream(payload(route, data))).map(HubClient::json);
	}

	public RSocket rsocket() {
		return this.rsocket;
	}

	/** The JSON error body an RSocket error frame carries. */
	public static JsonNode errorBody(Throwable error) {
		String message = error.getMessage();
		return JSON.readTree(message == null ? "{}" : message);
	}

	@Override
	public void close() {
		this.rsocket.dispose();
	}

}
