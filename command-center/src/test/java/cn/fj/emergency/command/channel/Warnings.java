package cn.fj.emergency.command.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.reactive.TransactionalOperator;

import cn.fj.emergency.alerting.channel.PublishedWarning;
import cn.fj.emergency.alerting.channel.WarningDistribution;
import cn.fj.emergency.command.support.Conformance;
import cn.fj.emergency.command.support.Hub;

/**
 * Published warnings for the channel tests, built from a corpus alert (CAP 1.2 appendix A.1) with its identifier
 * replaced, and handed to the hub's {@link WarningDistribution} in a transaction, as the publisher does.
 */
final class Warnings {

	static final Path CORPUS = Conformance.path("cap");

	static final String SENDER = "fj-emergency@fujian.gov.cn";

	private Warnings() {
	}

	static PublishedWarning alert(String identifier, List<String> cities, List<String> counties) {
		return warning(identifier, "Actual", "Alert", cities, counties, OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(6),
				List.of());
	}

	static PublishedWarning warning(String identifier, String status, String msgType, List<String> cities,
			List<String> counties, @Nullable OffsetDateTime expires, List<String> references) {
		String xml;
		try {
			xml = Files.readString(CORPUS.resolve("valid/v1dot2_appendix_adot1.xml"), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		xml = xml.replace("<identifier>43b080713727</identifier>", "<identifier>" + identifier + "</identifier>");
		OffsetDateTime sent = OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0).minusMinutes(5);
		return new PublishedWarning(identifier, SENDER, sent, status, msgType, "orange", "Severe",
				"台风橙色预警 Typhoon orange warning " + identifier, cities, counties, expires, references, xml);
	}

	static void distribute(Hub hub, PublishedWarning warning) {
		WarningDistribution distribution = hub.context().getBean(WarningDistribution.class);
		TransactionalOperator tx = hub.context().getBean(TransactionalOperator.class);
		distribution.distribute(warning).as(tx::transactional).block(Duration.ofSeconds(10));
	}

	static String reference(PublishedWarning w) {
		return w.sender() + "," + w.identifier() + "," + w.sent();
	}

	/** Polls until the condition holds, at most {@code within}. */
	static void await(Duration within, BooleanSupplier condition, String what) {
		long deadline = System.nanoTime() + within.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Timed out waiting for " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted waiting for " + what, ex);
			}
		}
	}

	/** A local port free at the time of asking. */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
