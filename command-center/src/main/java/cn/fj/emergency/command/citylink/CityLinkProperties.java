package cn.fj.emergency.command.citylink;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param port TCP port of the city link (0: any free port, for tests)
 * @param address address to bind
 * @param sslBundle name of a Spring Boot SSL bundle ({@code spring.ssl.bundle.*}) to serve the city link over TLS;
 * absent: plain TCP, for a network where a TLS terminator stands in front
 */
@ConfigurationProperties("hub.city-link")
public record CityLinkProperties(@DefaultValue("7000") int port, @DefaultValue("0.0.0.0") String address,
		@Nullable String sslBundle) {
}
