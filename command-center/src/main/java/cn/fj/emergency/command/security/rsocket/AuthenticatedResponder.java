package cn.fj.emergency.command.security.rsocket;


import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.rsocket.Payload;
import io.rsocket.RSocket;
import io.rsocket.metadata.CompositeMetadata;
import io.rsocket.metadata.RoutingMetadata;
import io.rsocket.metadata.WellKnownMimeType;
import io.rsocket.util.RSocketProxy;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.error.rsocket.RSocketErrors;
import cn.fj.emergency.command.security.AccessPolicy;
import cn.fj.emergency.command.security.HubPrincipal;

/**
 * The responder of one authenticated connection: checks each request's route against the {@link AccessPolicy},
 * puts the principal in the request's Reactor context for the handlers, and turns every failure into an
 * APPLICATION_ERROR frame with the JSON error body.
 */
final class AuthenticatedResponder extends RSocketProxy {

	private static final String ROUTING = WellKnownMimeType.MESSAGE_RSOCKET_ROUTING.getString();

	private final HubPrincipal principal;

	private final RSocketErrors errors;

	private final Clock clock;

	AuthenticatedResponder(RSocket source, HubPrincipal principal, RSocketErrors errors, Clock clock) {
		super(source);
		this.principal = principal;
		this.errors = errors;
		this.clock = clock;
	}

	@Override
	public Mono<Void> fireAndForget(Payload payload) {
		return Mono.defer(() -> {
			authorise(payload, AccessPolicy.Interaction.FIRE_AND_FORGET);
			return super.fireAndForget(payload);
		}).contextWrite(ctx -> ctx.put(HubPrincipal.class, this.principal)).onErrorMap(this.errors::applicationError);
	}

	@Override
	public Mono<Payload> requestResponse(Payload payload) {
		return Mono.defer(() -> {
			authorise(payload, AccessPolicy.Interaction.REQUEST_RESPONSE);
			return super.requestResponse(payload);
		}).contextWrite(ctx -> ctx.put(HubPrincipal.class, this.principal)).onErrorMap(this.errors::applicationError);
	}

	@Override
	public Flux<Payload> requestStream(Payload payload) {
		return Flux.defer(() -> {
			authorise(payload, AccessPolicy.Interaction.REQUEST_STREAM);
			return super.requestStream(payload);
		}).contextWrite(ctx -> ctx.put(HubPrincipal.class, this.principal)).onErrorMap(this.errors::applicationError);
	}

	@Override
	public Flux<Payload> requestChannel(Publisher<Payload> payloads) {
		return Flux.error(this.errors.applicationError(
				new HubException(ErrorCode.ROUTE_NOT_FOUND, "Request-channel interactions are not offered")));
	}

	@Override
	public Mono<Void> metadataPush(Payload payload) {
		payload.release();
		return Mono.error(this.errors.applicationError(
				new HubException(ErrorCode.ROUTE_NOT_FOUND, "Metadata push is not offered")));
	}

	/** Refuses (and releases) the payload unless its route is one the principal may use. */
	private void authorise(Payload payload, AccessPolicy.Interaction interaction) {
		try {
			if (this.principal.expiresAt().isBefore(this.clock.instant())) {
				throw new HubException(ErrorCode.TOKEN_EXPIRED, "The connection's token has expired; reconnect with a new one");
			}
			AccessPolicy.checkRoute(this.principal, route(payload), interaction);
		}
		catch (RuntimeException ex) {
			payload.release();
			throw ex;
		}
	}

	private static String route(Payload payload) {
		try {
			return routeOrRefuse(payload);
		}
		catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException ex) {
			throw new HubException(ErrorCode.INVALID_REQUEST, "The request metadata is not valid composite metadata (message/x.rsocket.composite-metadata.v0)");
		}
	}

	/**
	 * The one route of the request. Spring dispatches on the last routing entry's last tag, so a request with more
	 * than one entry or tag could be checked on one route and served on another: it is refused.
	 */
	private static String routeOrRefuse(Payload payload) {
		List<String> routes = new ArrayList<>(1);
		int entries = 0;
		if (payload.hasMetadata()) {
			for (CompositeMetadata.Entry entry : new CompositeMetadata(payload.sliceMetadata(), false)) {
				if (ROUTING.equals(entry.getMimeType())) {
					entries++;
					new RoutingMetadata(entry.getContent()).forEach(routes::add);
				}
			}
		}
		if (entries == 0 || routes.isEmpty()) {
			throw new HubException(ErrorCode.ROUTE_NOT_FOUND, "The request names no route (" + ROUTING + ")");
		}
		if (entries > 1 || routes.size() > 1) {
			throw new HubException(ErrorCode.ROUTE_AMBIGUOUS,
					"The request must carry one routing entry with one route; it names " + routes, Map.of("routes", routes));
		}
		return routes.get(0);
	}

}
