package cn.fj.emergency.command.citylink;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.rsocket.autoconfigure.RSocketMessageHandlerCustomizer;
import org.springframework.boot.rsocket.context.RSocketServerBootstrap;
import org.springframework.boot.rsocket.netty.NettyRSocketServerFactory;
import org.springframework.boot.rsocket.server.RSocketServer;
import org.springframework.boot.rsocket.server.RSocketServerCustomizer;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.server.Ssl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.rsocket.annotation.support.RSocketMessageHandler;

import cn.fj.emergency.command.error.rsocket.RSocketErrors;
import cn.fj.emergency.command.security.Authenticator;
import cn.fj.emergency.command.security.rsocket.Connections;
import cn.fj.emergency.command.security.rsocket.PrincipalArgumentResolver;
import cn.fj.emergency.command.security.rsocket.RSocketAuthentication;

/**
 * Both RSocket transports serve the same message handler with the same authentication: Spring Boot maps the
 * WebSocket one onto the HTTP server ({@code spring.rsocket.server.mapping-path}); the TCP one for city platforms
 * is started here.
 */
@Configuration(proxyBeanMethods = false)
class CityLinkConfiguration {

	@Bean
	RSocketAuthentication rsocketAuthentication(Authenticator authenticator, Connections connections,
			RSocketErrors errors, Clock clock) {
		// Spring's message headers seed a SecureRandom when their class initialises, which may read the operating
		// system's entropy: do it now, at start-up, rather than on the event loop of the first connection
		new MessageHeaders(Map.of());
		return new RSocketAuthentication(authenticator, connections, errors, clock);
	}

	/**
	 * Requests are small JSON documents; this bounds what a client can make the hub reassemble from fragments. It
	 * cannot be below RSocket's largest frame (16 MiB - 1).
	 */
	static final int MAX_INBOUND_PAYLOAD = 0xFFFFFF;

	@Bean
	RSocketServerCustomizer authenticatingRSocketServer(RSocketAuthentication authentication, RSocketErrors errors) {
		OversizeRequests oversize = new OversizeRequests(errors);
		return server -> server.maxInboundPayloadSize(MAX_INBOUND_PAYLOAD)
			.interceptors(registry -> registry.forSocketAcceptor(authentication).forConnection(oversize));
	}

	@Bean
	RSocketMessageHandlerCustomizer principalArguments() {
		return handler -> handler.getArgumentResolverConfigurer().addCustomResolver(new PrincipalArgumentResolver());
	}

	@Bean
	RSocketServerBootstrap cityLinkServer(CityLinkProperties properties, RSocketMessageHandler handler,
			List<RSocketServerCustomizer> customizers, ObjectProvider<SslBundles> sslBundles) throws UnknownHostException {
		NettyRSocketServerFactory factory = new NettyRSocketServerFactory();
		factory.setTransport(RSocketServer.Transport.TCP);
		factory.setAddress(InetAddress.getByName(properties.address()));
		factory.setPort(properties.port());
		factory.setRSocketServerCustomizers(customizers);
		String bundle = properties.sslBundle();
		if (bundle != null && !bundle.isBlank()) {
			Ssl ssl = new Ssl();
			ssl.setEnabled(true);
			ssl.setBundle(bundle);
			factory.setSsl(ssl);
			factory.setSslBundles(sslBundles.getObject());
		}
		return new RSocketServerBootstrap(factory, handler.responder());
	}

}
