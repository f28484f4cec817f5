package cn.fj.emergency.command.drill.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.core.RSocketConnector;
import io.rsocket.exceptions.ApplicationErrorException;
import io.rsocket.exceptions.RejectedSetupException;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One RSocket connection to the hub as docs/city-link.md describes it: SETUP with composite metadata carrying the
 * bearer token, a routing entry per request, JSON data both ways, refusals as JSON error bodies (turned into
 * {@link HubRefusal}). Over TCP for city platforms, over WebSocket ({@code /rsocket}) for consoles.
 */
public final class RSocketLink implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration KEEPALIVE = Duration.ofSeconds(20);

	private static final Duration MAX_LIFETIME = Duration.ofSeconds(90);

	private final RSocket rsocket;

	private RSocketLink(RSocket rsocket) {
		this.rsocket = rsocket;
	}

	/** A city link connection (plain TCP). */
	public static Mono<RSocketLink> tcp(String host, int port, String token) {
		return connect(TcpClientTransport.create(host, port), token);
	}

	/** A console connection: {@code ws://host:port/rsocket} (the hub's HTTP base URL with the path). */
	public static Mono<RSocketLink> websocket(URI endpoint, String token) {
		return connect(WebsocketClientTransport.create(endpoint), token);
	}

	private static Mono<RSocketLink> connect(ClientTransport transport, String token) {
		return RSocketConnector.create()
			.metadataMimeType(WellKnownMimeType.MESSAGE_RSOCKET_COMPOSITE_METADATA.getString())
			.dataMimeType("application/json")
			.keepAlive(KEEPALIVE, MAX_LIFETIME)
			.setupPayload(Mono.fromSupplier(() -> setup(token)))
			.connect(transport)
			.map(RSocketLink::new);
	}

	private static Payload setup(String token) {
		ByteBuf auth = AuthMetadataCodec.encodeBearerMetadata(ByteBufAllocator.DEFAULT, token.toCharArray());
		return ByteBufPayload.create(Unpooled.EMPTY_BUFFER, composite(WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION, auth));
	}

	private static ByteBuf composite(WellKnownMimeType type, ByteBuf content) {
		CompositeByteBuf metadata = ByteBufAllocator.DEFAULT.compositeBuffer();
		CompositeMetadataCodec.encodeAndAddMetadata(metadata, ByteBufAllocator.DEFAULT, type, content);
		return metadata;
	}

	private static Payload payload(String route, Object data) {
		ByteBuf routing = TaggingMetadataCodec.createTaggingContent(ByteBufAllocator.DEFAULT, List.of(route));
		return ByteBufPayload.create(Unpooled.wrappedBuffer(JSON.writeValueAsBytes(data)),
				composite(WellKnownMimeType.MESSAGE_RSOCKET_ROUTING, routing));
	}

	private static JsonNode json(Payload payload) {
		try {
			return JSON.readTree(payload.getDataUtf8());
		}
		finally {
			payload.release();
		}
	}

	/** A request-response route; the answer's JSON, or a {@link HubRefusal}. */
	public Mono<JsonNode> request(String route, Object data) {
		return Mono.defer(() -> this.rsocket.requestResponse(payload(route, data)))
			.map(RSocketLink::json)
			.onErrorMap(RSocketLink::refusal);
	}

	/** A request-stream route with bounded demand (256, topped up); elements as JSON, refusals as {@link HubRefusal}. */
	public Flux<JsonNode> stream(String route, Object data) {
		return Flux.defer(() -> this.rsocket.requestStream(payload(route, data)))
			.limitRate(256)
			.map(RSocketLink::json)
			.onErrorMap(RSocketLink::refusal);
	}

	/** Errors whose data is the hub's JSON error body become refusals; anything else (connection lost) stays as it is. */
	static Throwable refusal(Throwable error) {
		if (!(error instanceof ApplicationErrorException) && !(error instanceof RejectedSetupException)) {
			return error;
		}
		String message = error.getMessage();
		if (message == null || !message.startsWith("{")) {
			return error;
		}
		try {
			return HubRefusal.of(JSON.readTree(message), 0, error);
		}
		catch (JacksonException notJson) {
			return error;
		}
	}

	/** Completes when the connection closes, for whatever reason. */
	public Mono<Void> onClose() {
		return this.rsocket.onClose();
	}

	public boolean isDisposed() {
		return this.rsocket.isDisposed();
	}

	@Override
	public void close() {
		this.rsocket.dispose();
	}

}
