package cn.fj.emergency.alerting.channel.webhook;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.netty.util.NetUtil;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Where webhooks may be sent (docs/channels.md, "Webhook targets"): never to a loopback, private, link-local,
 * unique-local, multicast, unspecified, reserved or cloud-metadata address, nor to a numeric host written in a
 * non-standard form (octal, hexadecimal, a single decimal number), unless the operator lists the host, the address or
 * a network containing it ({@code hub.channels.webhook.allowed-targets}). Checked when a subscription is made (its
 * host resolved off the event loop) and again on every delivery, on the very addresses the connection is made to.
 */
public final class WebhookTargets {

	private static final Logger log = LoggerFactory.getLogger(WebhookTargets.class);

	/** One part of an IPv4 address as inet_aton reads it: decimal, octal (leading 0) or hexadecimal (0x). */
	private static final Pattern NUMERIC_PART = Pattern.compile("0[xX][0-9a-fA-F]*|[0-9]+");

	private static final Pattern CANONICAL_V4 = Pattern
		.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

	private final Set<String> hosts;

	private final List<Network> networks;

	private WebhookTargets(Set<String> hosts, List<Network> networks) {
		this.hosts = Set.copyOf(hosts);
		this.networks = List.copyOf(networks);
	}

	/**
	 * @param allowed host names (matched as written in the URL, case-insensitive), IP addresses, or networks in CIDR
	 * notation ({@code 10.20.0.0/16}, {@code fd00::/8}) the operator allows although they are refused by default
	 */
	public static WebhookTargets allowing(List<String> allowed) {
		Set<String> hosts = new HashSet<>();
		List<Network> networks = new ArrayList<>();
		for (String entry : allowed) {
			String e = entry.trim();
			if (e.isEmpty()) {
				continue;
			}
			int slash = e.indexOf('/');
			String address = unbracketed(slash < 0 ? e : e.substring(0, slash));
			byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
			if (bytes == null) {
				if (slash >= 0) {
					throw new IllegalArgumentException("hub.channels.webhook.allowed-targets: " + e + " is not a network");
				}
				hosts.add(e.toLowerCase(Locale.ROOT));
				continue;
			}
			int bits = bytes.length * 8;
			int prefix = bits;
			if (slash >= 0) {
				try {
					prefix = Integer.parseInt(e.substring(slash + 1));
				}
				catch (NumberFormatException ex) {
					prefix = -1;
				}
				if (prefix < 0 || prefix > bits) {
					throw new IllegalArgumentException("hub.channels.webhook.allowed-targets: " + e + " has no valid prefix length");
				}
			}
			networks.add(new Network(bytes, prefix));
		}
		return new WebhookTargets(hosts, networks);
	}

	/** Whether the operator listed this host name, as written in a URL. */
	public boolean allowsName(@Nullable String host) {
		return host != null && this.hosts.contains(unbracketed(host).toLowerCase(Locale.ROOT));
	}

	/** Why a connection to {@code address} is refused; {@code null} when it is allowed. */
	public @Nullable String refusal(InetAddress address) {
		byte[] bytes = address.getAddress();
		for (Network network : this.networks) {
			if (network.contains(bytes)) {
				return null;
			}
		}
		return forbidden(bytes);
	}

	/**
	 * What the host of a URL is refused for without resolving it: a listed name or a literal address allowed answer
	 * {@code null}; a literal address refused, or a numeric host in a non-standard form, the reason. A name to resolve
	 * answers {@code null} too; see {@link #check}.
	 */
	public @Nullable String literalRefusal(String host) {
		if (allowsName(host)) {
			return null;
		}
		String h = host;
		if (h.startsWith("[")) {
			String inner = unbracketed(h);
			int zone = inner.indexOf('%');
			if (zone >= 0) {
				return "an IPv6 address with a zone index is link-local";
			}
			byte[] bytes = NetUtil.createByteArrayFromIpAddressString(inner);
			if (bytes == null) {
				return inner + " is not an IPv6 address";
			}
			return refusal(address(bytes));
		}
		String name = h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
		String[] parts = name.split("\\.", -1);
		if (Arrays.stream(parts).allMatch(p -> NUMERIC_PART.matcher(p).matches())) {
			if (!CANONICAL_V4.matcher(name).matches() || !name.equals(h)) {
				return h + " is a numeric host in a non-standard form (write an IPv4 address as four decimal numbers)";
			}
			byte[] bytes = NetUtil.createByteArrayFromIpAddressString(name);
			if (bytes == null) {
				return h + " is not an IPv4 address";
			}
			return refusal(address(bytes));
		}
		return null;
	}

	/**
	 * Refuses ({@link WebhookTargetRefused}) a webhook URL whose host is refused: as written, or, for a name, any of
	 * the addresses it resolves to now (resolved on a bounded-elastic thread, never on an event loop). A name that
	 * does not resolve is accepted: it is checked again on every delivery.
	 */
	public Mono<Void> check(String url) {
		return Mono.defer(() -> {
			URI uri = URI.create(url);
			String host = uri.getHost();
			if (host == null) {
				return Mono.error(new WebhookTargetRefused(url, "the URL has no host"));
			}
			if (allowsName(host)) {
				return Mono.empty();
			}
			String literal = literalRefusal(host);
			if (literal != null) {
				return Mono.error(new WebhookTargetRefused(url, literal));
			}
			String lower = host.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
			if (lower.equals("localhost") || lower.endsWith(".localhost")) {
				// whatever it resolves to here (RFC 6761); on delivery it is refused by its loopback addresses
				return Mono.error(new WebhookTargetRefused(url, "localhost is the hub's own machine (loopback)"));
			}
			if (host.startsWith("[") || CANONICAL_V4.matcher(host).matches()) {
				return Mono.empty();
			}
			return Mono.fromCallable(() -> List.of(InetAddress.getAllByName(host)))
				.subscribeOn(Schedulers.boundedElastic())
				.onErrorResume(UnknownHostException.class, unknown -> Mono.just(List.of()))
				.flatMap(addresses -> {
					for (InetAddress address : addresses) {
						String refusal = refusal(address);
						if (refusal != null) {
							return Mono.error(new WebhookTargetRefused(url,
									host + " resolves to " + address.getHostAddress() + ": " + refusal));
						}
					}
					return Mono.<Void>empty();
				});
		});
	}

	/**
	 * The resolved addresses a delivery may connect to: those not refused. When none is left the connection fails
	 * (the delivery's attempt fails and is retried as any other).
	 */
	public List<SocketAddress> select(List<? extends SocketAddress> resolved) {
		List<SocketAddress> allowed = new ArrayList<>();
		for (SocketAddress each : resolved) {
			if (each instanceof InetSocketAddress inet && inet.getAddress() != null) {
				String refusal = refusal(inet.getAddress());
				if (refusal == null) {
					allowed.add(each);
				}
				else {
					log.warn("Webhook delivery not connected to {}: {}", inet, refusal);
				}
			}
		}
		return allowed;
	}

	/** Why an address is refused by default, or {@code null}. IPv4 in IPv6 (mapped, compatible, NAT64, 6to4) as IPv4. */
	static @Nullable String forbidden(byte[] a) {
		if (a.length == 4) {
			return forbiddenV4(a);
		}
		boolean zero10 = true;
		for (int i = 0; i < 10; i++) {
			zero10 &= a[i] == 0;
		}
		boolean zero12 = zero10 && a[10] == 0 && a[11] == 0;
		if (zero12) {
			boolean last4Zero = a[12] == 0 && a[13] == 0 && a[14] == 0;
			if (last4Zero && a[15] == 0) {
				return "the unspecified address";
			}
			if (last4Zero && a[15] == 1) {
				return "a loopback address";
			}
			String embedded = forbiddenV4(Arrays.copyOfRange(a, 12, 16));
			return embedded == null ? "an IPv4-compatible IPv6 address (deprecated)" : embedded;
		}
		if (zero10 && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
			String embedded = forbiddenV4(Arrays.copyOfRange(a, 12, 16));
			return embedded == null ? null : embedded + " (IPv4-mapped)";
		}
		int first = a[0] & 0xff;
		int second = a[1] & 0xff;
		if (first == 0x00 && second == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b) {
			// 64:ff9b::/96 carries an IPv4 address; 64:ff9b:1::/48 is for local use
			boolean wellKnown = true;
			for (int i = 4; i < 12; i++) {
				wellKnown &= a[i] == 0;
			}
			if (!wellKnown) {
				return "a local-use NAT64 address";
			}
			String embedded = forbiddenV4(Arrays.copyOfRange(a, 12, 16));
			return embedded == null ? null : embedded + " (NAT64)";
		}
		if (first == 0x20 && second == 0x02) {
			String embedded = forbiddenV4(Arrays.copyOfRange(a, 2, 6));
			return embedded == null ? null : embedded + " (6to4)";
		}
		if (first == 0x20 && second == 0x01 && a[2] == 0 && a[3] == 0) {
			return "a Teredo address (an IPv4 address hidden in IPv6)";
		}
		if (first == 0x20 && second == 0x01 && (a[2] & 0xff) == 0x0d && (a[3] & 0xff) == 0xb8) {
			return "a documentation address";
		}
		if (first == 0x01 && second == 0x00 && a[2] == 0 && a[3] == 0 && a[4] == 0 && a[5] == 0 && a[6] == 0
				&& a[7] == 0) {
			return "a discard-only address";
		}
		if ((first & 0xfe) == 0xfc) {
			return "a unique-local address (fc00::/7, where cloud metadata services also answer)";
		}
		if (first == 0xfe && (second & 0xc0) == 0x80) {
			return "a link-local address";
		}
		if (first == 0xfe && (second & 0xc0) == 0xc0) {
			return "a site-local address";
		}
		if (first == 0xff) {
			return "a multicast address";
		}
		return null;
	}

	private static @Nullable String forbiddenV4(byte[] a) {
		int b0 = a[0] & 0xff;
		int b1 = a[1] & 0xff;
		int b2 = a[2] & 0xff;
		if (b0 == 0) {
			return "the unspecified address or this network (0.0.0.0/8)";
		}
		if (b0 == 127) {
			return "a loopback address";
		}
		if (b0 == 10 || (b0 == 172 && (b1 & 0xf0) == 16) || (b0 == 192 && b1 == 168)) {
			return "a private address";
		}
		if (b0 == 169 && b1 == 254) {
			return "a link-local address (169.254.0.0/16, where cloud metadata services answer)";
		}
		if (b0 == 100 && (b1 & 0xc0) == 64) {
			return "a shared address (100.64.0.0/10, carrier-grade NAT, where some cloud metadata services answer)";
		}
		if (b0 == 192 && b1 == 0 && b2 == 0) {
			return "an IETF protocol address (192.0.0.0/24, where some cloud metadata services answer)";
		}
		if ((b0 == 192 && b1 == 0 && b2 == 2) || (b0 == 198 && b1 == 51 && b2 == 100) || (b0 == 203 && b1 == 0 && b2 == 113)) {
			return "a documentation address";
		}
		if (b0 == 198 && (b1 & 0xfe) == 18) {
			return "a benchmarking address (198.18.0.0/15)";
		}
		if (b0 >= 224 && b0 <= 239) {
			return "a multicast address";
		}
		if (b0 >= 240) {
			return "a reserved or broadcast address";
		}
		return null;
	}

	private static InetAddress address(byte[] bytes) {
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	private static String unbracketed(String host) {
		return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
	}

	/** An allowed network: its address bytes and prefix length. */
	private record Network(byte[] bytes, int prefix) {

		boolean contains(byte[] address) {
			byte[] candidate = address;
			if (candidate.length != this.bytes.length) {
				return false;
			}
			int full = this.prefix / 8;
			for (int i = 0; i < full; i++) {
				if (candidate[i] != this.bytes[i]) {
					return false;
				}
			}
			int rest = this.prefix % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xff << (8 - rest)) & 0xff;
			return (candidate[full] & mask) == (this.bytes[full] & mask);
		}

	}

}
