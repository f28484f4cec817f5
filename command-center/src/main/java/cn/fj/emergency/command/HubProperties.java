package cn.fj.emergency.command;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dataDir where the embedded PostgreSQL and Redis keep their data and the signing key is kept, unless
 * configured elsewhere
 */
@ConfigurationProperties("hub")
public record HubProperties(@DefaultValue("data") String dataDir) {
}
