package cn.fj.emergency.command.uplink;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The link to the national platform (docs/national-uplink.md).
 *
 * @param url the peer: {@code tcp://host:port}, {@code ws://host:port/path} or {@code wss://host:port/path};
 * absent: the uplink is off, and the outbox still fills, so nothing is lost until it is configured
 * @param token bearer token sent in the SETUP frame, as the national platform issued it
 * @param route the route of each forward's request-response
 * @param requestTimeout longest wait for a connection, and then for the peer's answer to one forward
 * @param backoffMin wait after the first failed attempt of a forward
 * @param backoffMax longest wait between attempts of a forward
 * @param batchSize most forwards one instance claims and sends at once, and most events the outbox tailer reads
 * per transaction
 * @param pollInterval how often each instance looks for due forwards and new events, besides being told of local
 * commits
 * @param lease how long a claim on a forward keeps other instances off it; a crashed instance's claims are
 * retried after it. Longer than a whole attempt (connecting plus waiting for the answer)
 */
@ConfigurationProperties("hub.national")
public record NationalUplinkProperties(@Nullable URI url, @Nullable String token,
		@DefaultValue("incidents.forward") String route, @DefaultValue("10s") Duration requestTimeout,
		@DefaultValue("1s") Duration backoffMin, @DefaultValue("5m") Duration backoffMax,
		@DefaultValue("50") int batchSize, @DefaultValue("1s") Duration pollInterval,
		@DefaultValue("2m") Duration lease) {

	public NationalUplinkProperties {
		if (lease.compareTo(requestTimeout.multipliedBy(2)) <= 0) {
			throw new IllegalArgumentException("hub.national.lease (" + lease
					+ ") must be longer than an attempt: twice hub.national.request-timeout (" + requestTimeout + ")");
		}
		if (batchSize < 1 || batchSize > 1000) {
			throw new IllegalArgumentException("hub.national.batch-size must be within 1..1000, not " + batchSize);
		}
		if (url != null && !(("tcp".equals(url.getScheme()) && url.getPort() > 0) || "ws".equals(url.getScheme())
				|| "wss".equals(url.getScheme()))) {
			throw new IllegalArgumentException("hub.national.url must be tcp://host:port, ws://host:port/path or "
					+ "wss://host:port/path, not " + url);
		}
	}

	public boolean enabled() {
		return this.url != null;
	}

	public Backoff backoff() {
		return new Backoff(this.backoffMin, this.backoffMax);
	}

}
