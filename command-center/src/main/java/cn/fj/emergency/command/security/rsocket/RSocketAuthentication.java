package cn.fj.emergency.command.security.rsocket;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import io.netty.buffer.ByteBuf;
import io.rsocket.ConnectionSetupPayload;
import io.rsocket.SocketAcceptor;
import io.rsocket.metadata.AuthMetadataCodec;
import io.rsocket.metadata.CompositeMetadata;
import io.rsocket.metadata.WellKnownAuthType;
import io.rsocket.metadata.WellKnownMimeType;
import io.rsocket.plugins.SocketAcceptorInterceptor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import cn.fj.emergency.command.error.ErrorCode;
import cn.fj.emergency.command.error.HubException;
import cn.fj.emergency.command.error.rsocket.RSocketErrors;
import cn.fj.emergency.command.security.Authenticator;

/**
 * Authenticates an RSocket connection, TCP or WebSocket alike, from its SETUP frame: composite metadata holding a
 * bearer token ({@code message/x.rsocket.authentication.v0}), JSON data. A refusal is a REJECTED_SETUP error whose
 * text is the JSON error body. An accepted connection's requests are checked and carry the principal (see
 * {@link AuthenticatedResponder}).
 */
public final class RSocketAuthentication implements SocketAcceptorInterceptor {

	private static final String COMPOSITE = WellKnownMimeType.MESSAGE_RSOCKET_COMPOSITE_METADATA.getString();

	private static final String AUTHENTICATION = WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION.getString();

	private final Authenticator authenticator;

	private final Connections connections;

	private final RSocketErrors errors;

	private final Clock clock;

	public RSocketAuthentication(Authenticator authenticator, Connections connections, RSocketErrors errors,
			Clock clock) {
		this.clock = clock;
		this.authenticator = authenticator;
		this.connections = connections;
		this.errors = errors;
	}

	@Override
	public SocketAcceptor apply(SocketAcceptor acceptor) {
		// deferred, not fromCallable: a SETUP without an authentication entry has no token (null), which fromCallable
		// would turn into an empty Mono, an acceptor that never answers; the Authenticator refuses it instead
		return (setup, sendingSocket) -> Mono.defer(() -> this.authenticator.authenticate(bearer(setup)))
			.flatMap(principal -> acceptor.accept(setup, sendingSocket).map(responder -> {
				this.connections.register(sendingSocket, principal);
				return (io.rsocket.RSocket) new AuthenticatedResponder(responder, principal, this.errors, this.clock);
			}))
			.onErrorMap(this.errors::rejectedSetup);
	}

	private static @Nullable String bearer(ConnectionSetupPayload setup) {
		if (!COMPOSITE.equals(setup.metadataMimeType())) {
			throw new HubException(ErrorCode.INVALID_REQUEST, "Metadata must be " + COMPOSITE);
		}
		if (!"application/json".equals(setup.dataMimeType())) {
			throw new HubException(ErrorCode.INVALID_REQUEST, "Data must be application/json");
		}
		try {
			for (CompositeMetadata.Entry entry : new CompositeMetadata(setup.metadata(), false)) {
				if (AUTHENTICATION.equals(entry.getMimeType())) {
					return bearerToken(entry.getContent());
				}
			}
			return null;
		}
		catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException ex) {
			throw new HubException(ErrorCode.INVALID_REQUEST, "The SETUP metadata is not valid composite metadata (message/x.rsocket.composite-metadata.v0)");
		}
	}

	private static String bearerToken(ByteBuf content) {
		ByteBuf auth = content.slice();
		if (!AuthMetadataCodec.isWellKnownAuthType(auth)
				|| AuthMetadataCodec.readWellKnownAuthType(auth) != WellKnownAuthType.BEARER) {
			throw new HubException(ErrorCode.AUTHENTICATION_REQUIRED, "Only bearer authentication is supported");
		}
		return auth.toString(StandardCharsets.UTF_8);
	}

}
