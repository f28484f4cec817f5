package cn.fj.emergency.command.uplink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.ByteBuf;
import io.rsocket.ConnectionSetupPayload;
import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.SocketAcceptor;
import io.rsocket.core.RSocketServer;
import io.rsocket.exceptions.ApplicationErrorException;
import io.rsocket.exceptions.RejectedSetupException;
import io.rsocket.metadata.AuthMetadataCodec;
import io.rsocket.metadata.CompositeMetadata;
import io.rsocket.metadata.RoutingMetadata;
import io.rsocket.metadata.WellKnownAuthType;
import io.rsocket.metadata.WellKnownMimeType;
import io.rsocket.transport.netty.server.CloseableChannel;
import io.rsocket.transport.netty.server.TcpServerTransport;
import io.rsocket.util.DefaultPayload;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A national platform written from docs/national-uplink.md alone, with plain rsocket-java: checks the bearer token
 * of SETUP and the route, remembers every request, and answers as its {@link Behaviour} says. Like a real peer it
 * treats a repeated forwardId as the same forward: a forward is acknowledged once, and a repeat gets the same
 * receipt.
 */
final class NationalPeerStub implements AutoCloseable {

	static final String TOKEN = "national-platform-token-for-tests";

	static final String ROUTE = "incidents.forward";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;

	/** Every request received, in arrival order. */
	final List<JsonNode> requests = new CopyOnWriteArrayList<>();

	/** Requests received per forwardId. */
	final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

	/** Positive answers given per forwardId: the first makes the receipt, repeats get it again. */
	final Map<String, AtomicInteger> acknowledgements = new ConcurrentHashMap<>();

	final Map<String, String> receipts = new ConcurrentHashMap<>();

	private final AtomicInteger receiptNumbers = new AtomicInteger();

	private volatile Behaviour behaviour = Behaviour.ACKNOWLEDGE;

	private volatile CloseableChannel server;

	/** The hubs' connections, closed with the peer so that the hubs lose them. */
	private final List<RSocket> connections = new CopyOnWriteArrayList<>();

	private NationalPeerStub(int port) {
		this.port = port;
	}

	/** How the peer answers the n-th request (from 1) it receives for one forwardId. */
	interface Behaviour {

		Behaviour ACKNOWLEDGE = attempt -> Answer.ACKNOWLEDGE;

		Answer answer(int attempt);

	}

	enum Answer {

		ACKNOWLEDGE, ERROR, SILENCE

	}

	/** A peer that is not started yet, on a port that was free a moment ago. */
	static NationalPeerStub onFreePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return new NationalPeerStub(socket.getLocalPort());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static NationalPeerStub started() {
		NationalPeerStub peer = onFreePort();
		peer.start();
		return peer;
	}

	/** Starts, or starts again after {@link #close()}, on the same port. */
	void start() {
		this.server = RSocketServer.create(acceptor())
			.bind(TcpServerTransport.create("127.0.0.1", this.port))
			.block(Duration.ofSeconds(10));
	}

	String url() {
		return "tcp://127.0.0.1:" + this.port;
	}

	void behave(Behaviour behaviour) {
		this.behaviour = behaviour;
	}

	/** Requests received with this incident id. */
	List<JsonNode> requestsFor(String incidentId) {
		return this.requests.stream().filter(r -> incidentId.equals(r.path("incidentId").asString())).toList();
	}

	private SocketAcceptor acceptor() {
		return (setup, sendingSocket) -> {
			if (!TOKEN.equals(bearer(setup))) {
				return Mono.error(new RejectedSetupException("bad token"));
			}
			this.connections.add(sendingSocket);
			return Mono.just(new RSocket() {
				@Override
				public Mono<Payload> requestResponse(Payload payload) {
					return respond(payload);
				}
			});
		};
	}

	private Mono<Payload> respond(Payload payload) {
		String route;
		JsonNode request;
		try {
			route = route(payload.metadata());
			request = JSON.readTree(payload.getDataUtf8());
		}
		finally {
			payload.release();
		}
		if (!ROUTE.equals(route)) {
			return Mono.error(new ApplicationErrorException("{\"code\":\"NO_ROUTE\"}"));
		}
		this.requests.add(request);
		String forwardId = request.path("forwardId").asString();
		int attempt = this.received.computeIfAbsent(forwardId, id -> new AtomicInteger()).incrementAndGet();
		switch (this.behaviour.answer(attempt)) {
			case ERROR:
				return Mono.error(new ApplicationErrorException("{\"code\":\"BUSY\",\"message\":\"try later\"}"));
			case SILENCE:
				return Mono.never();
			default:
				this.acknowledgements.computeIfAbsent(forwardId, id -> new AtomicInteger()).incrementAndGet();
				String receipt = this.receipts.computeIfAbsent(forwardId, id -> "NAT-" + this.receiptNumbers.incrementAndGet());
				return Mono.just(DefaultPayload.create(JSON.writeValueAsString(
						Map.of("forwardId", forwardId, "accepted", true, "receiptId", receipt))));
		}
	}

	private static String bearer(ConnectionSetupPayload setup) {
		for (CompositeMetadata.Entry entry : new CompositeMetadata(setup.metadata(), false)) {
			if (WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION.getString().equals(entry.getMimeType())) {
				ByteBuf auth = entry.getContent();
				if (AuthMetadataCodec.isWellKnownAuthType(auth)
						&& AuthMetadataCodec.readWellKnownAuthType(auth) == WellKnownAuthType.BEARER) {
					return auth.toString(StandardCharsets.UTF_8);
				}
			}
		}
		return "";
	}

	private static String route(ByteBuf metadata) {
		for (CompositeMetadata.Entry entry : new CompositeMetadata(metadata, false)) {
			if (WellKnownMimeType.MESSAGE_RSOCKET_ROUTING.getString().equals(entry.getMimeType())) {
				for (String tag : new RoutingMetadata(entry.getContent())) {
					return tag;
				}
			}
		}
		return "";
	}

	@Override
	public void close() {
		CloseableChannel s = this.server;
		if (s != null) {
			s.dispose();
			s.onClose().block(Duration.ofSeconds(10));
		}
		this.connections.forEach(RSocket::dispose);
		this.connections.clear();
	}

}
