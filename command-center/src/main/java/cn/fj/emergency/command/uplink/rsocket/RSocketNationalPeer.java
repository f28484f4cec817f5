package cn.fj.emergency.command.uplink.rsocket;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

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
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.fj.emergency.command.uplink.NationalPeer;
import cn.fj.emergency.command.uplink.NationalUplinkProperties;

/**
 * The national platform over RSocket, as docs/national-uplink.md describes it: composite metadata with a bearer
 * token in SETUP, JSON data, one request-response on the configured route per forward. One connection is shared by
 * all forwards of this instance; once it is closed (the peer went away, refused the SETUP), the next forward makes
 * a new one. Connecting and answering are each bounded by the request timeout, so a peer that is down only makes
 * attempts fail, to be retried with backoff; nothing waits on it.
 */
@Component
class RSocketNationalPeer implements NationalPeer, DisposableBean {

	private static final String COMPOSITE = WellKnownMimeType.MESSAGE_RSOCKET_COMPOSITE_METADATA.getString();

	private final NationalUplinkProperties properties;

	private final JsonMapper json;

	private final Mono<RSocket> connection;

	private final AtomicReference<@Nullable RSocket> current = new AtomicReference<>();

	RSocketNationalPeer(NationalUplinkProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
		URI url = properties.url();
		this.connection = url == null ? Mono.error(() -> new IllegalStateException("hub.national.url is not set"))
				: connector().connect(() -> transport(url)).doOnNext(this::replace).cacheInvalidateIf(RSocket::isDisposed);
	}

	private RSocketConnector connector() {
		String token = this.properties.token();
		ByteBuf metadata = token == null ? Unpooled.EMPTY_BUFFER
				: composite(WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION,
						AuthMetadataCodec.encodeBearerMetadata(ByteBufAllocator.DEFAULT, token.toCharArray()));
		// the SETUP payload is sent on every connection: the connector retains and re-sends it each time
		return RSocketConnector.create()
			.metadataMimeType(COMPOSITE)
			.dataMimeType("application/json")
			.setupPayload(ByteBufPayload.create(Unpooled.EMPTY_BUFFER, metadata));
	}

	private static ClientTransport transport(URI url) {
		if ("tcp".equals(url.getScheme())) {
			return TcpClientTransport.create(url.getHost(), url.getPort());
		}
		return WebsocketClientTransport.create(url);
	}

	private void replace(RSocket fresh) {
		RSocket old = this.current.getAndSet(fresh);
		if (old != null && old != fresh) {
			old.dispose();
		}
	}

	@Override
	public Mono<String> forward(UUID forwardId, String requestJson) {
		Duration timeout = this.properties.requestTimeout();
		return this.connection
			.timeout(timeout, Mono.error(() -> new TimeoutException("no connection within " + timeout)))
			.flatMap(rsocket -> rsocket.requestResponse(request(requestJson)).timeout(timeout))
			.map(answer -> receipt(forwardId, answer));
	}

	private Payload request(String requestJson) {
		ByteBuf routing = TaggingMetadataCodec.createTaggingContent(ByteBufAllocator.DEFAULT,
				List.of(this.properties.route()));
		return ByteBufPayload.create(Unpooled.wrappedBuffer(requestJson.getBytes(StandardCharsets.UTF_8)),
				composite(WellKnownMimeType.MESSAGE_RSOCKET_ROUTING, routing));
	}

	private static ByteBuf composite(WellKnownMimeType type, ByteBuf content) {
		CompositeByteBuf composite = ByteBufAllocator.DEFAULT.compositeBuffer();
		CompositeMetadataCodec.encodeAndAddMetadata(composite, ByteBufAllocator.DEFAULT, type, content);
		return composite;
	}

	/** The receipt id of a positive answer to exactly this forward; anything else is not an acknowledgement. */
	private String receipt(UUID forwardId, Payload answer) {
		JsonNode body;
		try {
			body = this.json.readTree(answer.getDataUtf8());
		}
		catch (JacksonException ex) {
			throw new NotAcknowledged("the answer is not JSON");
		}
		finally {
			answer.release();
		}
		if (!body.path("accepted").asBoolean(false)) {
			throw new NotAcknowledged("peer did not accept: " + body.path("message").asString(body.toString()));
		}
		if (!forwardId.toString().equals(body.path("forwardId").asString(""))) {
			throw new NotAcknowledged("peer acknowledged forwardId " + body.path("forwardId") + ", not " + forwardId);
		}
		String receiptId = body.path("receiptId").asString("");
		if (receiptId.isBlank()) {
			throw new NotAcknowledged("peer accepted without a receiptId");
		}
		return receiptId;
	}

	@Override
	public void destroy() {
		RSocket rsocket = this.current.getAndSet(null);
		if (rsocket != null) {
			rsocket.dispose();
		}
	}

}
