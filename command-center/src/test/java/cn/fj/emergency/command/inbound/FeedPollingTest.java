package cn.fj.emergency.command.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two hub instances poll a department's Atom feed served by a real local HTTP server: they follow each entry's
 * {@code application/cap+xml} link, store the three alerts (one in CAP 1.1) once however often they poll, and the Update supersedes the
 * alert it references; a linked document that is not served is counted as refused; a feed path that fails (HTTP 500)
 * is recorded and polled again without stopping the others; the two instances take turns, so each feed is polled
 * about once per interval, not once per instance.
 */
class FeedPollingTest {

	static final Duration WAIT = Duration.ofSeconds(20);

	static final AtomicInteger feedRequests = new AtomicInteger();

	static final AtomicInteger brokenRequests = new AtomicInteger();

	static DisposableServer department;

	static Hub hub;

	static Hub other;

	static String officer;

	static byte[] update() {
		return InboundCap.corpus("valid", "v1dot2_appendix_adot3.xml");
	}

	static byte[] original() {
		String text = new String(update(), StandardCharsets.UTF_8).replace("TRI13970876.2", "TRI13970876.1")
			.replace("<sent>2003-06-11T20:56:00-07:00</sent>", "<sent>2003-06-11T20:30:00-07:00</sent>")
			.replace("<msgType>Update</msgType>", "<msgType>Alert</msgType>")
			.replaceAll("<references>[^<]*</references>", "");
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static final String ATOM = """
			<?xml version="1.0" encoding="UTF-8"?>
			<feed xmlns="http://www.w3.org/2005/Atom">
			  <id>urn:test:quake-feed</id><title>Earthquake bureau</title><updated>2003-06-12T04:00:00Z</updated>
			  <entry><id>urn:test:2</id><title>Update</title><updated>2003-06-12T03:56:00Z</updated>
			    <link rel="alternate" type="application/cap+xml" href="/alerts/2.cap"/></entry>
			  <entry><id>urn:test:1</id><title>Alert</title><updated>2003-06-12T03:30:00Z</updated>
			    <link rel="alternate" type="text/html" href="/alerts/1.html"/>
			    <link rel="alternate" type="application/cap+xml" href="alerts/1.cap"/></entry>
			  <entry><id>urn:test:3</id><title>Gone</title><updated>2003-06-12T03:00:00Z</updated>
			    <link rel="alternate" type="application/cap+xml" href="/alerts/3.cap"/></entry>
			  <entry><id>urn:test:4</id><title>Flash Flood Watch (CAP 1.1)</title><updated>2010-08-30T10:07:00Z</updated>
			    <link rel="alternate" type="application/cap+xml" href="/alerts/4.cap"/></entry>
			</feed>
			""";

	@BeforeAll
	static void start() {
		department = HttpServer.create().host("127.0.0.1").port(0)
			.route(routes -> routes
				.get("/feeds/quakes.atom", (request, response) -> {
					feedRequests.incrementAndGet();
					return response.header("Content-Type", "application/atom+xml").sendString(Mono.just(ATOM));
				})
				.get("/feeds/broken.atom", (request, response) -> {
					brokenRequests.incrementAndGet();
					return response.status(500).send();
				})
				.get("/feeds/alerts/1.cap", (request, response) -> response.header("Content-Type", "application/cap+xml")
					.sendByteArray(Mono.just(original())))
				.get("/alerts/2.cap", (request, response) -> response.header("Content-Type", "application/cap+xml")
					.sendByteArray(Mono.just(update())))
				.get("/alerts/4.cap", (request, response) -> response.header("Content-Type", "application/cap+xml")
					.sendByteArray(Mono.just(InboundCap.corpus("v1dot1", "weather.cap")))))
			.bindNow();
		String base = "http://127.0.0.1:" + department.port();
		Map<String, Object> settings = Hub.freshHubSettings();
		settings.put("hub.feeds.sources[0].url", base + "/feeds/broken.atom");
		settings.put("hub.feeds.sources[0].interval", "1s");
		settings.put("hub.feeds.sources[1].url", base + "/feeds/quakes.atom");
		settings.put("hub.feeds.sources[1].interval", "1s");
		settings.put("hub.feeds.timeout", "2s");
		hub = Hub.start(settings);
		other = Hub.start(settings);
		officer = hub.officerToken(null, "DUTY_OFFICER");
	}

	@AfterAll
	static void stop() {
		other.close();
		hub.close();
		department.disposeNow();
	}

	static JsonNode inbound() {
		return hub.getJson("/api/inbound-warnings", officer);
	}

	static JsonNode withIdentifier(JsonNode list, String identifier) {
		for (JsonNode warning : list) {
			if (warning.get("identifier").asString().equals(identifier)) {
				return warning;
			}
		}
		return null;
	}

	@Test
	void storesEachLinkedAlertOnceAndAppliesTheUpdate() throws InterruptedException {
		Instant deadline = Instant.now().plus(WAIT);
		while ((feedRequests.get() < 3 || inbound().size() < 3) && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}

		JsonNode list = inbound();
		assertThat(feedRequests.get()).as("the feed was polled again after the first poll").isGreaterThanOrEqualTo(3);
		assertThat(list).hasSize(3);
		JsonNode alert = withIdentifier(list, "TRI13970876.1");
		JsonNode update = withIdentifier(list, "TRI13970876.2");
		assertThat(alert.get("state").asString()).isEqualTo("SUPERSEDED");
		assertThat(alert.get("endedBy").asLong()).isEqualTo(update.get("id").asLong());
		assertThat(update.get("state").asString()).isEqualTo("ACTIVE");
		assertThat(update.get("via").asString()).endsWith("/feeds/quakes.atom");
		assertThat(brokenRequests.get()).as("the failing feed is polled again, with its retries").isGreaterThan(3);
		// and the National Weather Service's CAP 1.1 alert is read, upgraded and stored like the others
		JsonNode nws = withIdentifier(list, "NOAA-NWS-ALERTS-MT20100830100700TFXFlashFloodWatchTFX20100830180000MT");
		assertThat(nws).isNotNull();
		assertThat(nws.get("event").asString()).isEqualTo("Flash Flood Watch");
		assertThat(nws.get("capVersion").asString()).isEqualTo("1.1");
		assertThat(update.get("capVersion").asString()).isEqualTo("1.2");
		assertThat(nws.get("via").asString()).endsWith("/feeds/quakes.atom");
	}

	@Test
	void theInstancesTakeTurnsAndRecordEachPoll() throws InterruptedException {
		// given both instances ticking every second for each feed
		Thread.sleep(1500);
		int before = feedRequests.get();
		long started = System.nanoTime();

		// when six seconds pass
		Thread.sleep(6000);
		double seconds = (System.nanoTime() - started) / 1e9;
		int polls = feedRequests.get() - before;

		// then the feed was polled about once a second in all, not once a second per instance (that would be ~12)
		assertThat(polls).as("feed polls in %.1f s by two instances", seconds)
			.isBetween(3, (int) Math.ceil(seconds) + 2);

		// and the officers see each feed's record: the good one read, with the unserved document counted as refused,
		// the broken one failing with its reason
		JsonNode feeds = other.getJson("/api/inbound-feeds", officer);
		assertThat(feeds).hasSize(2);
		JsonNode broken = feeds.get(0);
		JsonNode quakes = feeds.get(1);
		assertThat(broken.get("url").asString()).endsWith("/feeds/broken.atom");
		assertThat(broken.get("lastOutcome").asString()).isEqualTo("FAILED");
		assertThat(broken.get("lastError").asString()).contains("HTTP 500");
		assertThat(broken.get("failures").asLong()).isEqualTo(broken.get("polls").asLong()).isPositive();
		assertThat(quakes.get("url").asString()).endsWith("/feeds/quakes.atom");
		assertThat(quakes.get("interval").asString()).isEqualTo("PT1S");
		assertThat(quakes.get("lastOutcome").asString()).isEqualTo("OK");
		assertThat(quakes.get("failures").asLong()).isZero();
		assertThat(quakes.get("polls").asLong()).isGreaterThanOrEqualTo(polls);
		assertThat(quakes.get("documentsRefused").asLong()).isEqualTo(quakes.get("polls").asLong());
		assertThat(quakes.get("alertsStored").asLong()).isEqualTo(3);
		assertThat(quakes.get("lastPolledBy").asString()).isNotBlank();
		assertThat(quakes.get("nextDue").asString()).isNotBlank();
	}

}
