package cn.fj.emergency.command.citylink;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import cn.fj.emergency.command.support.Hub;
import cn.fj.emergency.command.support.HubClient;
import cn.fj.emergency.command.support.Reports;

import static org.assertj.core.api.Assertions.assertThat;

/** With an SSL bundle configured, the city link speaks TLS only. */
class CityLinkTlsTest {

	static final String PASSWORD = "changeit";

	static Path keystore;

	static Hub hub;

	@BeforeAll
	static void startHubWithTls() throws Exception {
		keystore = Path.of("target", "tls-test-" + UUID.randomUUID(), "city-link.p12").toAbsolutePath();
		Files.createDirectories(keystore.getParent());
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "city-link", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
				"-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore",
				keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
			.redirectErrorStream(true)
			.start();
		String output = new String(keytool.getInputStream().readAllBytes());
		assertThat(keytool.waitFor()).as(output).isZero();

		Map<String, Object> settings = new HashMap<>(Hub.freshHubSettings());
		settings.put("hub.city-link.ssl-bundle", "city-link");
		settings.put("spring.ssl.bundle.jks.city-link.keystore.location", "file:" + keystore);
		settings.put("spring.ssl.bundle.jks.city-link.keystore.password", PASSWORD);
		settings.put("spring.ssl.bundle.jks.city-link.keystore.type", "PKCS12");
		hub = Hub.start(settings);
	}

	@AfterAll
	static void stop() {
		hub.close();
	}

	static TrustManagerFactory trustingTheTestCertificate() throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keystore)) {
			store.load(in, PASSWORD.toCharArray());
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(store);
		return trust;
	}

	@Test
	void aCityPlatformReportsOverTls() throws Exception {
		String token = hub.cityPlatformToken("350200").get("token").asString();
		try (HubClient xiamen = HubClient.tls(hub.cityLinkPort(), token, trustingTheTestCertificate())) {
			JsonNode receipt = xiamen.request("incidents.report", Reports.xiamen("tls-1")).block(Duration.ofSeconds(10));

			assertThat(receipt.get("cityCode").asString()).isEqualTo("350200");
			StepVerifier.create(xiamen.stream("events.stream", Map.of("after", 0, "streams", List.of("incidents"))))
				.assertNext(event -> assertThat(event.get("data").get("reportId").asString()).isEqualTo("tls-1"))
				.thenCancel()
				.verify(Duration.ofSeconds(10));
		}
	}

	@Test
	void plainTcpIsNotServed() {
		String token = hub.cityPlatformToken("350200").get("token").asString();
		try (HubClient plain = HubClient.tcp(hub.cityLinkPort(), token)) {
			StepVerifier.create(plain.request("incidents.report", Reports.xiamen("plain-1")).timeout(Duration.ofSeconds(3)))
				.expectError()
				.verify(Duration.ofSeconds(20));
		}
	}

}
