package cn.fj.emergency.command.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.rsocket.exceptions.ApplicationErrorException;
import io.rsocket.exceptions.ConnectionErrorException;
import io.rsocket.frame.CancelFrameCodec;
import io.rsocket.frame.ErrorFrameCodec;
import io.rsocket.frame.KeepAliveFrameCodec;
import io.rsocket.frame.PayloadFrameCodec;
import io.rsocket.frame.RequestNFrameCodec;
import io.rsocket.frame.RequestResponseFrameCodec;
import io.rsocket.frame.RequestStreamFrameCodec;
import io.rsocket.frame.SetupFrameCodec;
import io.rsocket.metadata.AuthMetadataCodec;
import io.rsocket.metadata.CompositeMetadataCodec;
import io.rsocket.metadata.TaggingMetadataCodec;
import io.rsocket.metadata.WellKnownMimeType;
import io.rsocket.util.DefaultPayload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.HubClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's own RSocket client ({@code js/rsocket.js}), run in Chromium, encodes SETUP, REQUEST_RESPONSE,
 * REQUEST_STREAM, REQUEST_N, CANCEL and KEEPALIVE byte for byte as rsocket-java's frame and metadata codecs do,
 * and decodes PAYLOAD and ERROR frames that rsocket-java encodes. The module is served as the hub serves it (from
 * the web-console jar on the class path), by a small file server: no hub is needed to compare bytes.
 */
class RSocketJsFrameCodecTest {

	private static final ByteBufAllocator ALLOC = ByteBufAllocator.DEFAULT;

	private static final String TOKEN = "eyJraWQiOiJ0ZXN0IiwiYWxnIjoiRVMyNTYifQ.eyJzdWIiOiJsaS53ZWkifQ.c2lnbmF0dXJl";

	static HttpServer files;

	static Browser browser;

	@BeforeAll
	static void start() throws IOException {
		files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		files.createContext("/", RSocketJsFrameCodecTest::serve);
		files.start();
		browser = Browser.start(RSocketJsFrameCodecTest.class);
		browser.driver().get("http://127.0.0.1:" + files.getAddress().getPort() + "/blank.html");
	}

	@AfterAll
	static void stop() {
		try {
			if (browser != null) {
				browser.close();
			}
		}
		finally {
			files.stop(0);
		}
	}

	private static void serve(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		byte[] body;
		String type;
		if (path.equals("/blank.html")) {
			body = "<!DOCTYPE html><html><body>frame codec test</body></html>".getBytes(StandardCharsets.UTF_8);
			type = "text/html";
		}
		else {
			try (InputStream in = RSocketJsFrameCodecTest.class.getResourceAsStream("/META-INF/resources" + path)) {
				if (in == null || path.contains("..")) {
					exchange.sendResponseHeaders(404, -1);
					exchange.close();
					return;
				}
				body = in.readAllBytes();
			}
			type = path.endsWith(".js") ? "text/javascript" : "application/octet-stream";
		}
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	/** Runs {@code body} (which returns a value) with {@code m} = the rsocket.js module; answers the JSON of it. */
	private static JsonNode js(String body, Object... args) {
		Object result = browser.asyncScript("""
				const done = arguments[arguments.length - 1];
				const args = Array.prototype.slice.call(arguments, 0, arguments.length - 1);
				const hex = b => Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
				const unhex = s => new Uint8Array(s.match(/../g).map(x => parseInt(x, 16)));
				import('/console/js/rsocket.js').then(m => {
				  const run = new Function('m', 'hex', 'unhex', 'args', arguments[0]);
				}).catch(e => done(JSON.stringify({failed: String(e)})));
				""".replace("const run = new Function('m', 'hex', 'unhex', 'args', arguments[0]);",
				"const run = (m, hex, unhex, args) => {" + body + "};\n done(JSON.stringify(run(m, hex, unhex, args)));"), args);
		JsonNode json = HubClient.JSON.readTree(String.valueOf(result));
		assertThat(json.has("failed")).as("script failed: %s", json).isFalse();
		return json;
	}

	private static String hex(ByteBuf buf) {
		try {
			return ByteBufUtil.hexDump(buf);
		}
		finally {
			buf.release();
		}
	}

	private static ByteBuf utf8(String text) {
		return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
	}

	private static ByteBuf routeMetadata(String route) {
		CompositeByteBuf composite = ALLOC.compositeBuffer();
		ByteBuf routing = TaggingMetadataCodec.createRoutingMetadata(ALLOC, List.of(route)).getContent();
		CompositeMetadataCodec.encodeAndAddMetadata(composite, ALLOC, WellKnownMimeType.MESSAGE_RSOCKET_ROUTING, routing);
		return composite;
	}

	@Test
	void setupWithCompositeBearerMetadataIsEncodedAsRSocketJavaDoes() {
		CompositeByteBuf metadata = ALLOC.compositeBuffer();
		CompositeMetadataCodec.encodeAndAddMetadata(metadata, ALLOC, WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION,
				AuthMetadataCodec.encodeBearerMetadata(ALLOC, TOKEN.toCharArray()));
		String java = hex(SetupFrameCodec.encode(ALLOC, false, 20000, 90000, "message/x.rsocket.composite-metadata.v0",
				"application/json", DefaultPayload.create(Unpooled.EMPTY_BUFFER, metadata)));

		JsonNode js = js("""
				const metadata = m.compositeMetadata([['message/x.rsocket.authentication.v0', m.bearerMetadata(args[0])]]);
				return {frame: hex(m.encodeSetup({keepAlive: 20000, lifetime: 90000, metadata}))};
				""", TOKEN);

		assertThat(js.get("frame").asString()).isEqualTo(java);
		// header: stream 0, type SETUP (0x01 << 10) with the M flag (0x100), version 1.0
		assertThat(java).startsWith("00000000" + "0500" + "0001" + "0000");
	}

	@Test
	void requestResponseWithRoutingMetadataAndJsonData() {
		String data = "{\"reportId\":\"xm-1\",\"title\":\"内涝 Hubin Road\"}";
		String java = hex(RequestResponseFrameCodec.encode(ALLOC, 1, false, routeMetadata("incidents.report"), utf8(data)));

		JsonNode js = js("""
				return {frame: hex(m.encodeRequestResponse(1, m.routeMetadata('incidents.report'), JSON.parse(args[0])))};
				""", data);

		assertThat(js.get("frame").asString()).isEqualTo(java);
	}

	@Test
	void requestStreamWithInitialDemandThenRequestNAndCancel() {
		String data = "{\"after\":1200,\"cities\":[\"350100\"]}";
		String stream = hex(RequestStreamFrameCodec.encode(ALLOC, 3, false, 256, routeMetadata("events.stream"), utf8(data)));
		String requestN = hex(RequestNFrameCodec.encode(ALLOC, 3, 128));
		String maxN = hex(RequestNFrameCodec.encode(ALLOC, 5, Integer.MAX_VALUE));
		String cancel = hex(CancelFrameCodec.encode(ALLOC, 3));

		JsonNode js = js("""
				return {
				  stream: hex(m.encodeRequestStream(3, 256, m.routeMetadata('events.stream'), {after: 1200, cities: ['350100']})),
				  requestN: hex(m.encodeRequestN(3, 128)),
				  maxN: hex(m.encodeRequestN(5, Number.MAX_SAFE_INTEGER)),
				  cancel: hex(m.encodeCancel(3)),
				};
				""");

		assertThat(js.get("stream").asString()).isEqualTo(stream);
		assertThat(js.get("requestN").asString()).isEqualTo(requestN);
		assertThat(js.get("maxN").asString()).isEqualTo(maxN);
		assertThat(js.get("cancel").asString()).isEqualTo(cancel);
	}

	@Test
	void keepaliveWithAndWithoutTheRespondFlag() {
		String respond = hex(KeepAliveFrameCodec.encode(ALLOC, true, 0, Unpooled.EMPTY_BUFFER));
		String answer = hex(KeepAliveFrameCodec.encode(ALLOC, false, 0, utf8("ping")));

		JsonNode js = js("""
				return {respond: hex(m.encodeKeepalive(true, 0)), answer: hex(m.encodeKeepalive(false, 0, 'ping'))};
				""");

		assertThat(js.get("respond").asString()).isEqualTo(respond);
		assertThat(js.get("answer").asString()).isEqualTo(answer);
	}

	@Test
	void compositeMetadataWithACustomMimeTypeAndSeveralRoutingTags() {
		CompositeByteBuf composite = ALLOC.compositeBuffer();
		CompositeMetadataCodec.encodeAndAddMetadata(composite, ALLOC, "application/x.hub-test", utf8("abc"));
		CompositeMetadataCodec.encodeAndAddMetadata(composite, ALLOC, WellKnownMimeType.MESSAGE_RSOCKET_ROUTING,
				TaggingMetadataCodec.createRoutingMetadata(ALLOC, List.of("a.b", "事件")).getContent());
		String java = hex(composite);

		JsonNode js = js("""
				return {metadata: hex(m.compositeMetadata([['application/x.hub-test', 'abc'],
				  ['message/x.rsocket.routing.v0', m.routingMetadata('a.b', '事件')]]))};
				""");

		assertThat(js.get("metadata").asString()).isEqualTo(java);
	}

	@Test
	void payloadFramesFromRSocketJavaAreDecoded() {
		String event = "{\"seq\":42,\"type\":\"incident.reported\",\"data\":{\"title\":\"内涝\"}}";
		String next = hex(PayloadFrameCodec.encode(ALLOC, 3, false, false, true, null, utf8(event)));
		String nextComplete = hex(PayloadFrameCodec.encode(ALLOC, 1, false, true, true, routeMetadata("x.y"), utf8("{\"ok\":true}")));
		String complete = hex(PayloadFrameCodec.encodeComplete(ALLOC, 5));

		JsonNode js = js("""
				const f = s => { const d = m.decodeFrame(unhex(s));
				  return {streamId: d.streamId, type: d.type, next: d.next, complete: d.complete, follows: d.follows,
				    metadata: d.metadata ? hex(d.metadata) : null, data: m.parseJson(d.data)}; };
				return {next: f(args[0]), nextComplete: f(args[1]), complete: f(args[2])};
				""", next, nextComplete, complete);

		assertThat(js.at("/next/streamId").asInt()).isEqualTo(3);
		assertThat(js.at("/next/type").asInt()).isEqualTo(0x0A);
		assertThat(js.at("/next/next").asBoolean()).isTrue();
		assertThat(js.at("/next/complete").asBoolean()).isFalse();
		assertThat(js.at("/next/follows").asBoolean()).isFalse();
		assertThat(js.at("/next/metadata").isNull()).isTrue();
		assertThat(js.at("/next/data/seq").asInt()).isEqualTo(42);
		assertThat(js.at("/next/data/data/title").asString()).isEqualTo("内涝");
		assertThat(js.at("/nextComplete/next").asBoolean()).isTrue();
		assertThat(js.at("/nextComplete/complete").asBoolean()).isTrue();
		assertThat(js.at("/nextComplete/metadata").asString()).isEqualTo(hex(routeMetadata("x.y")));
		assertThat(js.at("/nextComplete/data/ok").asBoolean()).isTrue();
		assertThat(js.at("/complete/streamId").asInt()).isEqualTo(5);
		assertThat(js.at("/complete/next").asBoolean()).isFalse();
		assertThat(js.at("/complete/complete").asBoolean()).isTrue();
		assertThat(js.at("/complete/data").isNull()).isTrue();
	}

	@Test
	void errorFramesFromRSocketJavaBecomeErrorsWithTheHubsJsonBody() {
		String body = "{\"code\":\"SUBSCRIBER_TOO_SLOW\",\"message\":\"Too slow for the live stream; resume with after = 3\",\"retryable\":true,\"lastSeq\":3}";
		String application = hex(ErrorFrameCodec.encode(ALLOC, 3, new ApplicationErrorException(body)));
		String connection = hex(ErrorFrameCodec.encode(ALLOC, 0, new ConnectionErrorException("Disposed")));

		JsonNode js = js("""
				const f = s => { const d = m.decodeFrame(unhex(s)); const e = new m.RSocketError(d.errorCode, d.text, d.streamId);
				  return {type: d.type, streamId: d.streamId, errorCode: e.errorCode, code: e.code, message: e.message,
				    retryable: e.retryable, lastSeq: e.lastSeq, text: e.text}; };
				return {application: f(args[0]), connection: f(args[1])};
				""", application, connection);

		assertThat(js.at("/application/type").asInt()).isEqualTo(0x0B);
		assertThat(js.at("/application/streamId").asInt()).isEqualTo(3);
		assertThat(js.at("/application/errorCode").asInt()).isEqualTo(0x201);
		assertThat(js.at("/application/code").asString()).isEqualTo("SUBSCRIBER_TOO_SLOW");
		assertThat(js.at("/application/message").asString()).isEqualTo("Too slow for the live stream; resume with after = 3");
		assertThat(js.at("/application/retryable").asBoolean()).isTrue();
		assertThat(js.at("/application/lastSeq").asInt()).isEqualTo(3);
		assertThat(js.at("/connection/streamId").asInt()).isEqualTo(0);
		assertThat(js.at("/connection/errorCode").asInt()).isEqualTo(0x101);
		assertThat(js.at("/connection/code").asString()).isEqualTo("CONNECTION_ERROR");
		assertThat(js.at("/connection/text").asString()).isEqualTo("Disposed");
		assertThat(js.at("/connection/retryable").asBoolean()).isFalse();
	}

	@Test
	void decodingTheFramesItEncodesGivesBackTheirFields() {
		JsonNode js = js("""
				const d = m.decodeFrame(m.encodeRequestStream(7, 256, m.routeMetadata('events.stream'), {after: 0}));
				const s = m.decodeFrame(m.encodeSetup({keepAlive: 1000, lifetime: 5000, metadata: m.routeMetadata('x')}));
				return {type: d.type, n: d.n, streamId: d.streamId, data: m.parseJson(d.data),
				  setup: {version: s.version, keepAlive: s.keepAlive, lifetime: s.lifetime, metadataMime: s.metadataMime,
				    dataMime: s.dataMime}};
				""");

		assertThat(js.get("type").asInt()).isEqualTo(0x06);
		assertThat(js.get("n").asInt()).isEqualTo(256);
		assertThat(js.get("streamId").asInt()).isEqualTo(7);
		assertThat(js.at("/data/after").asInt()).isZero();
		assertThat(js.at("/setup/version").toString()).isEqualTo("[1,0]");
		assertThat(js.at("/setup/keepAlive").asInt()).isEqualTo(1000);
		assertThat(js.at("/setup/lifetime").asInt()).isEqualTo(5000);
		assertThat(js.at("/setup/metadataMime").asString()).isEqualTo("message/x.rsocket.composite-metadata.v0");
		assertThat(js.at("/setup/dataMime").asString()).isEqualTo("application/json");
	}

}
