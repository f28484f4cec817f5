package cn.fj.emergency.command.video;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.security.SigningKeys;
import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A video dispatch reaches exactly its targets (officers' consoles, a console group's members, city platforms), and
 * playback goes only through a short-lived token bound to a receiver; the stream address is never shown.
 */
class VideoDispatchTest {

	static final String SECRET_STREAM = "rtsp://admin:cam-pass-77@10.35.2.17:554/Streaming/Channels/secret-path-101";

	static final Duration TOKEN_TTL = Duration.ofSeconds(90);

	static Hub hub;

	static String dispatcher;

	static String incidentId;

	static long startSeq;

	@BeforeAll
	static void startHub() {
		Map<String, Object> settings = Hub.freshHubSettings();
		settings.put("hub.video.playback-token-ttl", TOKEN_TTL.toSeconds() + "s");
		hub = Hub.start(settings);
		dispatcher = hub.officerToken(null, "DUTY_OFFICER");
		JsonNode receipt = post("/api/incidents", dispatcher, Reports.xiamen("video-incident-1"), HttpStatus.OK);
		incidentId = receipt.get("incidentId").asString();
		startSeq = receipt.get("seq").asLong();
	}

	@AfterAll
	static void stopHub() {
		hub.close();
	}

	/** An officer with a console: token and username. */
	record Console(String token, String username) {

		static Console create() {
			String token = hub.officerToken(null, "DUTY_OFFICER");
			return new Console(token, hub.getJson("/api/auth/me", token).get("subject").asString());
		}

	}

	static JsonNode post(String uri, String token, Object body, HttpStatus status) {
		return hub.postJson(uri, token, body, status.value());
	}

	static String source(String name) {
		Map<String, Object> source = new HashMap<>();
		source.put("kind", "PUBLIC_SECURITY_CCTV");
		source.put("name", name);
		source.put("cityCode", "350200");
		source.put("countyCode", "350203");
		source.put("latitude", 24.45);
		source.put("longitude", 118.08);
		source.put("streamUrl", SECRET_STREAM);
		JsonNode view = post("/api/video/sources", dispatcher, source, HttpStatus.CREATED);
		assertThat(view.get("protocol").asString()).isEqualTo("RTSP");
		assertThat(view.get("maskedAddress").asString()).isEqualTo("rtsp://10.35.2.17/…");
		return view.get("id").asString();
	}

	static JsonNode dispatch(String sourceId, Map<String, Object> targets) {
		return post("/api/video/dispatches", dispatcher,
				Map.of("sourceId", sourceId, "incidentId", incidentId, "targets", targets, "note", "Watch the underpass"),
				HttpStatus.CREATED);
	}

	/** The log's last sequence number now. */
	static long position() {
		return hub.context().getBean(DatabaseClient.class).sql("select last_seq from event_counter where log = 'hub'")
			.map(r -> r.get("last_seq", Long.class)).one().block(Duration.ofSeconds(10));
	}

	/** The id of the first dispatch event the client receives after position {@code after}. */
	static String firstDispatchSeen(HubClient client, String route, long after) {
		Map<String, Object> request = route.equals("events.stream") ? Map.of("after", after, "streams", List.of("video"))
				: Map.of("after", after);
		JsonNode event = client.stream(route, request)
			.filter(e -> e.get("type").asString().equals("video.dispatched"))
			.next()
			.block(Duration.ofSeconds(15));
		return event.get("subjectId").asString();
	}

	@Test
	void aDispatchReachesTheOfficersAndGroupItTargetsAndNoOneElse() {
		Console a = Console.create();
		Console b = Console.create();
		Console member = Console.create();
		Console third = Console.create();
		hub.http().put().uri("/api/video/groups/flood-desk").headers(h -> h.setBearerAuth(dispatcher))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("members", List.of(member.username())))
			.exchange().expectStatus().isOk();
		String sourceId = source("Hubin Road underpass");
		long from = position();

		// given a dispatch to two officers and a group, then a later one to the third officer and Fuzhou alone
		String first = dispatch(sourceId, Map.of("officers", List.of(a.username(), b.username()), "groups",
				List.of("flood-desk"))).get("id").asString();
		String marker = dispatch(sourceId, Map.of("officers", List.of(third.username()), "cities", List.of("350100")))
			.get("id").asString();

		// then the targets' first dispatch is the first; for the others it is the later one: they never saw the first
		try (HubClient ca = hub.console(a.token()); HubClient cb = hub.console(b.token());
				HubClient cm = hub.console(member.token()); HubClient c3 = hub.console(third.token());
				HubClient fuzhou = hub.city("350100"); HubClient xiamen = hub.city("350200")) {
			assertThat(firstDispatchSeen(ca, "events.stream", from)).isEqualTo(first);
			assertThat(firstDispatchSeen(cb, "events.stream", from)).isEqualTo(first);
			assertThat(firstDispatchSeen(cm, "events.stream", from)).isEqualTo(first);
			assertThat(firstDispatchSeen(c3, "events.stream", from)).isEqualTo(marker);
			assertThat(firstDispatchSeen(fuzhou, "video.dispatches", from)).isEqualTo(marker);
			assertThat(firstDispatchSeen(fuzhou, "events.stream", from)).isEqualTo(marker);

			// and Xiamen, the source's city but no target, sees neither: the next dispatch it sees is one for it
			String forXiamen = dispatch(sourceId, Map.of("cities", List.of("350200"))).get("id").asString();
			assertThat(firstDispatchSeen(xiamen, "video.dispatches", from)).isEqualTo(forXiamen);
		}
	}

	@Test
	void aDispatchToACityReachesThatPlatformLiveAndNoConsole() {
		Console officer = Console.create();
		String sourceId = source("Flood camera Siming");
		long from = position();
		try (HubClient ningde = hub.city("350900"); HubClient quanzhou = hub.city("350500");
				HubClient console = hub.console(officer.token())) {
			List<String> received = new ArrayList<>();
			List<String> sent = new ArrayList<>();
			StepVerifier.create(ningde.stream("video.dispatches", Map.of("after", from)).take(1))
				.then(() -> {
					sent.add(dispatch(sourceId, Map.of("cities", List.of("350900"))).get("id").asString());
					dispatch(sourceId, Map.of("cities", List.of("350500"), "officers", List.of(officer.username())));
				})
				.assertNext(event -> {
					received.add(event.get("subjectId").asString());
					assertThat(event.get("type").asString()).isEqualTo("video.dispatched");
					assertThat(event.get("cities").get(0).asString()).isEqualTo("350900");
					assertThat(event.has("audience")).isFalse();
					JsonNode data = event.get("data");
					assertThat(data.get("incidentId").asString()).isEqualTo(incidentId);
					assertThat(data.get("source").get("protocol").asString()).isEqualTo("RTSP");
					assertThat(data.get("playbackRequest").asString()).endsWith("/playback");
				})
				.verifyComplete();
			String ningdeDispatch = sent.get(0);
			assertThat(received).containsExactly(ningdeDispatch);
			assertThat(firstDispatchSeen(console, "events.stream", from)).isNotEqualTo(ningdeDispatch);
			assertThat(firstDispatchSeen(quanzhou, "video.dispatches", from)).isNotEqualTo(ningdeDispatch);

			// the receiving platform asks for playback on the city link; another platform may not
			JsonNode grant = ningde.request("video.playback", Map.of("dispatchId", ningdeDispatch)).block(Duration.ofSeconds(10));
			assertThat(grant.get("playbackUrl").asString()).startsWith("/api/video/play/");
			assertThat(playCode(grant.get("playbackUrl").asString())).isEqualTo("REDIRECT");
			StepVerifier.create(quanzhou.request("video.playback", Map.of("dispatchId", ningdeDispatch)))
				.expectErrorSatisfies(error -> assertThat(HubClient.errorBody(error).get("code").asString()).isEqualTo("NOT_FOUND"))
				.verify(Duration.ofSeconds(10));
		}
	}

	@Test
	void playbackTokenWorksForItsReceiverUntilItExpires() {
		Console viewer = Console.create();
		String sourceId = source("Drone 3");
		String dispatchId = dispatch(sourceId, Map.of("officers", List.of(viewer.username()))).get("id").asString();

		Instant asked = Instant.now();
		JsonNode grant = post("/api/video/dispatches/" + dispatchId + "/playback", viewer.token(), Map.of(), HttpStatus.OK);
		assertThat(grant.get("protocol").asString()).isEqualTo("RTSP");
		// the configured lifetime, in whole seconds
		assertThat(Instant.parse(grant.get("expiresAt").asString()))
			.isBetween(asked.plus(TOKEN_TTL).minusSeconds(2), Instant.now().plus(TOKEN_TTL));
		String url = grant.get("playbackUrl").asString();
		assertThat(url).isEqualTo("/api/video/play/" + grant.get("token").asString());

		hub.http().get().uri(url).exchange()
			.expectStatus().isTemporaryRedirect()
			.expectHeader().valueEquals("Location", SECRET_STREAM)
			.expectHeader().valueEquals("Cache-Control", "no-store");

		// the token the hub would have issued to the same viewer for the same dispatch ten minutes ago has expired
		PlaybackTokens then = new PlaybackTokens(hub.context().getBean(SigningKeys.class), "fj-emergency-hub",
				Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10)), TOKEN_TTL);
		String expired = then.issue("officer:" + viewer.username(), UUID.fromString(dispatchId), UUID.fromString(sourceId), null)
			.token();
		assertThat(playCode("/api/video/play/" + expired)).isEqualTo("PLAYBACK_TOKEN_EXPIRED");
	}

	/** The error code playing the URL answers, or REDIRECT. */
	static String playCode(String url) {
		EntityExchangeResult<JsonNode> result = hub.http().get().uri(url).exchange().expectBody(JsonNode.class).returnResult();
		if (result.getStatus().value() == 307) {
			return "REDIRECT";
		}
		assertThat(result.getStatus().value()).isIn(401, 410);
		return result.getResponseBody().get("code").asString();
	}

	@Test
	void tamperedForeignAndMisusedTokensAreRefused() {
		Console viewer = Console.create();
		Console other = Console.create();
		String sourceId = source("Mobile unit 9");
		String dispatchId = dispatch(sourceId, Map.of("officers", List.of(viewer.username()))).get("id").asString();
		String token = post("/api/video/dispatches/" + dispatchId + "/playback", viewer.token(), Map.of(), HttpStatus.OK)
			.get("token").asString();
		assertThat(playCode("/api/video/play/" + token)).isEqualTo("REDIRECT");

		// one character of the signature changed
		int i = token.lastIndexOf('.') + 10;
		String tampered = token.substring(0, i) + (token.charAt(i) == 'A' ? 'B' : 'A') + token.substring(i + 1);
		assertThat(playCode("/api/video/play/" + tampered)).isEqualTo("PLAYBACK_TOKEN_INVALID");

		// an officer who is no receiver gets no token; a city platform does not even see the dispatch
		assertThat(post("/api/video/dispatches/" + dispatchId + "/playback", other.token(), Map.of(), HttpStatus.FORBIDDEN)
			.get("code").asString()).isEqualTo("NOT_A_DISPATCH_RECEIVER");
		String fuzhou = hub.cityPlatformToken("350100").get("token").asString();
		assertThat(post("/api/video/dispatches/" + dispatchId + "/playback", fuzhou, Map.of(), HttpStatus.NOT_FOUND)
			.get("code").asString()).isEqualTo("NOT_FOUND");

		// a token signed with the hub's own key, but for a viewer who is not a receiver, does not play
		PlaybackTokens minted = new PlaybackTokens(hub.context().getBean(SigningKeys.class), "fj-emergency-hub",
				Clock.systemUTC(), Duration.ofMinutes(1));
		String foreign = minted.issue("officer:" + other.username(), UUID.fromString(dispatchId), UUID.fromString(sourceId), null).token();
		assertThat(playCode("/api/video/play/" + foreign)).isEqualTo("PLAYBACK_TOKEN_INVALID");

		// a sign-in token is no playback token, and a playback token signs no one in
		assertThat(playCode("/api/video/play/" + viewer.token())).isEqualTo("PLAYBACK_TOKEN_INVALID");
		hub.http().get().uri("/api/auth/me").headers(h -> h.setBearerAuth(token)).exchange()
			.expectStatus().isUnauthorized()
			.expectBody().jsonPath("$.code").isEqualTo("TOKEN_INVALID");
	}

	@Test
	void afterWithdrawalTheTokenIsRefusedAndTheReceiversAreTold() {
		Console viewer = Console.create();
		String dispatchId = dispatch(source("Conference room 2"), Map.of("officers", List.of(viewer.username()), "cities",
				List.of("350200"))).get("id").asString();
		String url = post("/api/video/dispatches/" + dispatchId + "/playback", viewer.token(), Map.of(), HttpStatus.OK)
			.get("playbackUrl").asString();

		try (HubClient console = hub.console(viewer.token())) {
			StepVerifier.create(console.stream("events.stream", Map.of("after", startSeq, "streams", List.of("video")))
					.filter(e -> e.get("subjectId").asString().equals(dispatchId))
					.filter(e -> e.get("type").asString().equals("video.withdrawn"))
					.take(1))
				.then(() -> post("/api/video/dispatches/" + dispatchId + "/withdraw", dispatcher, Map.of("reason", "Camera moved"),
						HttpStatus.OK))
				.assertNext(event -> {
					assertThat(event.get("type").asString()).isEqualTo("video.withdrawn");
					assertThat(event.get("data").get("status").asString()).isEqualTo("WITHDRAWN");
					assertThat(event.get("data").get("withdrawReason").asString()).isEqualTo("Camera moved");
				})
				.verifyComplete();
		}

		assertThat(playCode(url)).isEqualTo("VIDEO_DISPATCH_ENDED");
		assertThat(post("/api/video/dispatches/" + dispatchId + "/playback", viewer.token(), Map.of(), HttpStatus.GONE)
			.get("code").asString()).isEqualTo("VIDEO_DISPATCH_ENDED");
		assertThat(post("/api/video/dispatches/" + dispatchId + "/withdraw", dispatcher, Map.of(), HttpStatus.GONE)
			.get("code").asString()).isEqualTo("VIDEO_DISPATCH_ENDED");
	}

	@Test
	void dispatchesAreRefusedWithTheirCodes() {
		String sourceId = source("Refusals");
		Map<String, Object> ok = Map.of("officers", List.of("nobody-such"));
		assertThat(post("/api/video/dispatches", dispatcher, Map.of("sourceId", sourceId, "incidentId", incidentId, "targets", ok),
				HttpStatus.BAD_REQUEST).get("code").asString()).isEqualTo("UNKNOWN_OFFICER");
		assertThat(post("/api/video/dispatches", dispatcher, Map.of("sourceId", sourceId, "incidentId", incidentId, "targets",
				Map.of("groups", List.of("no-such-group"))), HttpStatus.BAD_REQUEST).get("code").asString())
			.isEqualTo("UNKNOWN_CONSOLE_GROUP");
		assertThat(post("/api/video/dispatches", dispatcher, Map.of("sourceId", sourceId, "incidentId", incidentId, "targets",
				Map.of()), HttpStatus.BAD_REQUEST).get("field").asString()).isEqualTo("targets");
		assertThat(post("/api/video/dispatches", dispatcher, Map.of("sourceId", sourceId, "incidentId", UUID.randomUUID().toString(),
				"targets", Map.of("cities", List.of("350200"))), HttpStatus.NOT_FOUND).get("field").asString())
			.isEqualTo("incidentId");
		assertThat(post("/api/video/dispatches", dispatcher, Map.of("sourceId", UUID.randomUUID().toString(), "incidentId",
				incidentId, "targets", Map.of("cities", List.of("350200"))), HttpStatus.BAD_REQUEST).get("code").asString())
			.isEqualTo("UNKNOWN_VIDEO_SOURCE");
		String xiamen = hub.cityPlatformToken("350200").get("token").asString();
		assertThat(post("/api/video/dispatches", xiamen, Map.of("sourceId", sourceId, "incidentId", incidentId, "targets",
				Map.of("cities", List.of("350200"))), HttpStatus.FORBIDDEN).get("code").asString()).isEqualTo("ACCESS_DENIED");
	}

	@Test
	void cityPlatformsRegisterTheirOwnCitysSourcesOnly() {
		String xiamen = hub.cityPlatformToken("350200").get("token").asString();
		Map<String, Object> source = new HashMap<>(Map.of("kind", "FLOOD_CAMERA", "name", "Yundang lake gauge", "latitude",
				24.47, "longitude", 118.1, "streamUrl", "https://media.xm.example/hls/yundang/index.m3u8"));
		JsonNode view = post("/api/video/sources", xiamen, source, HttpStatus.CREATED);
		assertThat(view.get("cityCode").asString()).isEqualTo("350200");
		assertThat(view.get("protocol").asString()).isEqualTo("HLS");

		source.put("cityCode", "350100");
		assertThat(post("/api/video/sources", xiamen, source, HttpStatus.FORBIDDEN).get("code").asString())
			.isEqualTo("AREA_OUTSIDE_CITY");
		source.put("cityCode", "350200");
		source.put("streamUrl", "http://media.xm.example/live.m3u8");
		assertThat(post("/api/video/sources", xiamen, source, HttpStatus.BAD_REQUEST).get("code").asString())
			.isEqualTo("INVALID_STREAM_ADDRESS");

		String fuzhou = hub.cityPlatformToken("350100").get("token").asString();
		hub.http().get().uri("/api/video/sources/" + view.get("id").asString()).headers(h -> h.setBearerAuth(fuzhou)).exchange()
			.expectStatus().isNotFound();
		JsonNode fuzhouList = hub.getJson("/api/video/sources", fuzhou);
		fuzhouList.forEach(s -> assertThat(s.get("cityCode").asString()).isEqualTo("350100"));
	}

	@Test
	void theStreamAddressAppearsInNoQueryAndNoEvent() {
		Console viewer = Console.create();
		String sourceId = source("Leak check");
		String dispatchId = dispatch(sourceId, Map.of("officers", List.of(viewer.username()))).get("id").asString();
		post("/api/video/dispatches/" + dispatchId + "/playback", viewer.token(), Map.of(), HttpStatus.OK);

		List<String> answers = new ArrayList<>();
		answers.add(hub.getJson("/api/video/sources", dispatcher).toString());
		answers.add(hub.getJson("/api/video/sources/" + sourceId, dispatcher).toString());
		answers.add(hub.getJson("/api/video/dispatches/" + dispatchId, viewer.token()).toString());
		answers.add(hub.getJson("/api/video/dispatches?incidentId=" + incidentId, dispatcher).toString());
		try (HubClient console = hub.console(viewer.token())) {
			console.stream("events.stream", Map.of("after", 0)).take(Duration.ofSeconds(2)).map(JsonNode::toString)
				.collectList().blockOptional(Duration.ofSeconds(10)).ifPresent(answers::addAll);
		}
		List<String> payloads = hub.context().getBean(DatabaseClient.class).sql("select payload::text as p from event_log")
			.map(r -> r.get("p", String.class)).all().collectList().block(Duration.ofSeconds(10));

		assertThat(answers).hasSizeGreaterThan(4);
		assertThat(payloads).isNotEmpty();
		for (String text : concat(answers, payloads)) {
			assertThat(text).doesNotContain("secret-path-101").doesNotContain("cam-pass-77").doesNotContain("Channels");
		}
	}

	static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

}
