package cn.fj.emergency.command.citylink;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param port TCP port of the city link (0: any free port, for tests)
 * @param address address to bind
 */
@ConfigurationProperties("hub.city-link")
public record CityLinkProperties(@DefaultValue("7000") int port, @DefaultValue("0.0.0.0") String address) {
}
