package cn.fj.emergency.alerting.channel.webhook;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which webhook hosts and addresses are refused by default, and what an operator's allow-list lets through. */
class WebhookTargetsTest {

	private final WebhookTargets none = WebhookTargets.allowing(List.of());

	private static InetAddress ip(String literal) throws UnknownHostException {
		return InetAddress.getByName(literal);
	}

	@Test
	void refusesLoopbackPrivateLinkLocalMetadataMulticastAndUnspecifiedAddresses() throws Exception {
		for (String refused : List.of("127.0.0.1", "127.255.0.9", "::1", "0.0.0.0", "::", "10.0.0.1", "172.16.0.1",
				"172.31.255.255", "192.168.0.1", "169.254.169.254", "100.100.100.200", "192.0.0.192", "224.0.0.251",
				"255.255.255.255", "fc00::1", "fd00:ec2::254", "fe80::1", "ff02::1", "::ffff:127.0.0.1",
				"::ffff:169.254.169.254", "::127.0.0.1", "64:ff9b::a9fe:a9fe", "2002:c0a8:0101::1", "2001:0:4136:e378::1")) {
			assertThat(this.none.refusal(ip(refused))).as(refused).isNotNull();
		}
	}

	@Test
	void acceptsPublicAddresses() throws Exception {
		for (String allowed : List.of("93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
				"::ffff:8.8.8.8", "64:ff9b::808:808")) {
			assertThat(this.none.refusal(ip(allowed))).as(allowed).isNull();
		}
	}

	@Test
	void refusesNumericHostsInNonStandardFormsAndLiteralRefusedAddresses() {
		for (String host : List.of("2130706433", "0177.0.0.1", "0x7f.0.0.1", "127.1", "0x7f000001", "127.000.000.1",
				"127.0.0.1.", "[::1]", "[::ffff:7f00:1]", "[fe80::1%25eth0]", "[not-an-address]", "10.1.2.3")) {
			assertThat(this.none.literalRefusal(host)).as(host).isNotNull();
		}
		for (String host : List.of("hooks.example.org", "123.example.org", "deadbeef.cafe", "93.184.215.14",
				"[2606:4700::1111]")) {
			assertThat(this.none.literalRefusal(host)).as(host).isNull();
		}
	}

	@Test
	void anOperatorAllowsListedHostsAddressesAndNetworksOnly() throws Exception {
		WebhookTargets targets = WebhookTargets.allowing(List.of("receiver.internal", "127.0.0.1", "10.20.0.0/16",
				"fd12:3456::/32"));
		assertThat(targets.allowsName("Receiver.Internal")).isTrue();
		assertThat(targets.refusal(ip("127.0.0.1"))).isNull();
		assertThat(targets.refusal(ip("127.0.0.2"))).isNotNull();
		assertThat(targets.refusal(ip("10.20.255.1"))).isNull();
		assertThat(targets.refusal(ip("10.21.0.1"))).isNotNull();
		assertThat(targets.refusal(ip("fd12:3456:1::1"))).isNull();
		assertThat(targets.refusal(ip("fd12:3457::1"))).isNotNull();
		assertThat(targets.refusal(ip("169.254.169.254"))).isNotNull();
		// on delivery, only the allowed resolved addresses are connected to
		assertThat(targets.select(List.of(new InetSocketAddress(ip("::1"), 80), new InetSocketAddress(ip("127.0.0.1"), 80))))
			.containsExactly(new InetSocketAddress(ip("127.0.0.1"), 80));
	}

}
