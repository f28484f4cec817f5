package cn.fj.emergency.alerting.cap.xml;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.fj.emergency.alerting.cap.CapErrorCode;
import cn.fj.emergency.alerting.cap.CapRefusal;
import cn.fj.emergency.alerting.cap.Corpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * xee.cap and its variants cause no network or file access. Three witnesses: every resolver the parsers
 * could call records the request; a local server socket that every URL of the attack points to would see a
 * connection; the file entity names a FIFO, which a reader would block on.
 */
class ExternalAccessTest {

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final CapXmlReader reader = new CapXmlReader(CapXmlReader.DEFAULT_MAX_BYTES, requests::add);

	private ServerSocket server;

	@BeforeEach
	void listen() throws IOException {
		server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		server.setSoTimeout(200);
	}

	@AfterEach
	void close() throws IOException {
		server.close();
	}

	@Test
	void xeeAsItIsIsRefusedWithoutResolvingAnything() {
		assertThatThrownBy(() -> reader.read(Corpus.bytes(Corpus.invalid("xee.cap"))))
			.isInstanceOfSatisfying(CapRefusal.class,
					refusal -> assertThat(refusal.codes()).containsExactly(CapErrorCode.CAP_DTD_FORBIDDEN));
		assertThat(requests).isEmpty();
	}

	@Test
	void xeeAimedAtALocalServerAndAFifoFetchesNothing(@TempDir Path dir) throws Exception {
		// given xee.cap with every URL pointing at our socket and its file entity at a FIFO
		Path fifo = fifo(dir);
		String attack = xee().replace("http://localhost:8080", "http://127.0.0.1:" + server.getLocalPort())
			.replace("http://http://localhost:8080", "http://127.0.0.1:" + server.getLocalPort())
			.replace("file:///etc/passwd", fifo.toUri().toString());
		// when it is read (a parser opening the FIFO would block until the timeout)
		assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> assertThatThrownBy(() -> reader.read(attack.getBytes(StandardCharsets.UTF_8)))
					.isInstanceOfSatisfying(CapRefusal.class,
							refusal -> assertThat(refusal.codes()).containsExactly(CapErrorCode.CAP_DTD_FORBIDDEN)));
		// then nothing was resolved and nobody connected
		assertThat(requests).isEmpty();
		assertNoConnection();
	}

	@Test
	void xincludeAndSchemaHintsWithoutDtdFetchNothing() throws Exception {
		// given the attack's XInclude and xsi:schemaLocation, without its DTD, aimed at our socket
		String body = xee().substring(xee().indexOf("<alert"))
			.replace("&xxe;", "")
			.replace("http://http://localhost:8080", "http://127.0.0.1:" + server.getLocalPort());
		String attack = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"http://127.0.0.1:"
				+ server.getLocalPort() + "/x.xsl\"?>\n" + body;
		// when it is read, then it is refused as not CAP (the foreign elements) and nothing was fetched
		assertThatThrownBy(() -> reader.read(attack.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(CapRefusal.class,
					refusal -> assertThat(refusal.codes()).containsExactly(CapErrorCode.CAP_SCHEMA_INVALID));
		assertNoConnection();
	}

	@Test
	void theSocketWitnessWorks() throws Exception {
		// the witness would see a connection if one were made
		try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
				Socket accepted = server.accept()) {
			assertThat(accepted.getPort()).isEqualTo(client.getLocalPort());
		}
	}

	private void assertNoConnection() throws IOException {
		try (Socket accepted = server.accept()) {
			throw new AssertionError("the reader connected to " + accepted.getLocalSocketAddress());
		}
		catch (SocketTimeoutException expected) {
			// nobody connected
		}
	}

	private static String xee() {
		return new String(Corpus.bytes(Corpus.invalid("xee.cap")), StandardCharsets.UTF_8);
	}

	private static Path fifo(Path dir) throws Exception {
		Path fifo = dir.resolve("passwd");
		Process mkfifo;
		try {
			mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
		}
		catch (IOException ex) {
			mkfifo = null;
		}
		assumeThat(mkfifo).as("mkfifo available").isNotNull();
		assumeThat(mkfifo.waitFor()).isZero();
		assertThat(Files.exists(fifo)).isTrue();
		return fifo;
	}

}
