package cn.fj.emergency.resources.reservation.edxl;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.fj.emergency.resources.Actor;
import cn.fj.emergency.resources.SupplyError;
import cn.fj.emergency.resources.SupplyException;
import cn.fj.emergency.resources.reservation.RequestForm;
import cn.fj.emergency.resources.reservation.RequestLine;
import cn.fj.emergency.resources.reservation.RequestPolicy;
import cn.fj.emergency.resources.reservation.SupplyRequest;
import cn.fj.emergency.resources.reservation.ValidRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The conformance samples read; hostile documents are refused; an export reads back as the same request. */
class EdxlTest {

	static final Path SAMPLES = samples();

	/** The EDXL-RM samples on the test class path (src/test/resources/conformance/edxl-rm). */
	private static Path samples() {
		try {
			return Path.of(EdxlTest.class.getResource("/conformance/edxl-rm").toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static final Actor XIAMEN = new Actor("city:350200", "350200");

	static byte[] sample(String name) throws IOException {
		return Files.readAllBytes(SAMPLES.resolve(name));
	}

	@Test
	void readsTheRequestSampleDespiteItsMalformedNamespace() throws IOException {
		EdxlMessage message = EdxlReader.read(sample("RequestResource.xml"));

		assertThat(message.contentType()).isEqualTo("RequestResource");
		assertThat(message.messageId()).isEqualTo("RequestResource.1");
		assertThat(message.incidentId()).isEqualTo("uicds-incident-id");
		assertThat(message.contactRole()).isEqualTo("Requester");
		assertThat(message.contactLocation()).isEqualTo("Arlington");
		assertThat(message.sentAt()).isEqualTo(Instant.parse("2009-06-09T05:00:00Z"));
		assertThat(message.resources()).hasSize(1);
		EdxlMessage.Resource dozer = message.resources().get(0);
		assertThat(dozer.elementId()).isEqualTo("ResourceInfoElementID.1");
		assertThat(dozer.name()).isEqualTo("Track Dozer");
		assertThat(dozer.typeUrn()).isEqualTo("http://nimsonline.org/2.0");
		assertThat(dozer.quantity()).isEqualTo(4);
	}

	@Test
	void readsTheCommitSampleWithItsTwoResources() throws IOException {
		EdxlMessage message = EdxlReader.read(sample("CommitResource.xml"));

		assertThat(message.contentType()).isEqualTo("CommitResource");
		assertThat(message.originatingMessageId()).isEqualTo("RequestResource.1");
		assertThat(message.contactLocation()).isEqualTo("Fairfax");
		assertThat(message.resources()).extracting(EdxlMessage.Resource::resourceId).containsExactly("TD48", "TD7");
		assertThat(message.resources()).allSatisfy(r -> {
			assertThat(r.precedingElementId()).isEqualTo("ResourceInfoElementID.1");
			assertThat(r.responseType()).isEqualTo("Accept");
			assertThat(r.quantity()).isNull();
			assertThat(r.keywords()).containsEntry("urn:vdem#County", "Fairfax");
		});
	}

	@Test
	void theCommitSampleCommitsOneDozerEachToTheRequestLine() throws IOException {
		SupplyRequest request = new SupplyRequest(UUID.randomUUID(), "RequestResource.1", "350200", null, null, null,
				null, Instant.EPOCH, Instant.EPOCH,
				List.of(new RequestLine(1, "ResourceInfoElementID.1", null, "http://nimsonline.org/2.0", "NIMS Typing Version X", "Track Dozer", 4)));

		var commitments = EdxlMapping.commitments(EdxlReader.read(sample("CommitResource.xml")), request);

		assertThat(commitments).hasSize(2).allSatisfy(c -> {
			assertThat(c.lineNo()).isEqualTo(1);
			assertThat(c.quantity()).isEqualTo(1);
			assertThat(c.provider()).isEqualTo("Fairfax");
		});
	}

	@Test
	void refusesADocumentTypeDeclarationAndItsEntities() {
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
				<rmsg:RequestResource xmlns:rmsg="urn:oasis:names:tc:emergency:EDXL:RM:1.0:msg">
				  <rmsg:MessageID>&x;</rmsg:MessageID>
				</rmsg:RequestResource>""";
		String bomb = """
				<?xml version="1.0"?>
				<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
				<RequestResource><MessageID>&b;</MessageID></RequestResource>""";

		for (String hostile : List.of(xxe, bomb)) {
			assertThatThrownBy(() -> EdxlReader.read(hostile.getBytes(StandardCharsets.UTF_8)))
				.isInstanceOfSatisfying(SupplyException.class, ex -> assertThat(ex.error()).isEqualTo(SupplyError.INVALID_EDXL));
		}
	}

	@Test
	void refusesWhatIsNotARequestOrCommit() {
		assertThatThrownBy(() -> EdxlReader.read("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"/>".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(SupplyException.class);
		assertThatThrownBy(() -> EdxlReader.read("<RequestResource><MessageID>x".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(SupplyException.class);
	}

	@Test
	void anExportedRequestReadsBackAsTheSameRequest() throws IOException {
		Instant now = Instant.parse("2026-12-01T08:00:00Z");
		ValidRequest original = RequestPolicy.check(EdxlMapping.request(EdxlReader.read(sample("RequestResource.xml")), null),
				XIAMEN, now);
		RequestForm withItems = new RequestForm("xm-req-7", null, "incident-42", "Xiamen duty office", "思明区 & 湖里区 <shelters>",
				"Typhoon 'Doksuri'", "2026-12-01T15:30:00+08:00",
				List.of(new RequestForm.Line(null, "TENT-12", null, null, "Tents", 200L),
						new RequestForm.Line("water", "WATER-550", null, null, null, 5000L)));

		for (ValidRequest valid : List.of(original, RequestPolicy.check(withItems, XIAMEN, now))) {
			SupplyRequest stored = new SupplyRequest(UUID.randomUUID(), valid.messageId(), valid.cityCode(),
					valid.incidentId(), valid.contact(), valid.location(), valid.note(), valid.sentAt(), now, valid.lines());

			String xml = EdxlWriter.request(stored);
			ValidRequest again = RequestPolicy.check(EdxlMapping.request(EdxlReader.read(xml.getBytes(StandardCharsets.UTF_8)), null),
					XIAMEN, now);

			assertThat(again).isEqualTo(valid);
		}
	}

}
