package cn.fj.emergency.alerting.cap.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import cn.fj.emergency.alerting.cap.Alerts;
import cn.fj.emergency.alerting.cap.Corpus;
import cn.fj.emergency.alerting.cap.xml.CapXmlWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CapCommandTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void acceptsEveryValidCorpusFile() {
		// given every valid file of the corpus
		List<String> files = Corpus.list("valid").stream().map(Path::toString).toList();
		// when validated
		int status = run(Stream.concat(Stream.of("cap", "validate"), files.stream()).toArray(String[]::new));
		// then each is accepted, the envelope with its seven alerts, and the status is 0
		assertThat(status).isZero();
		List<String> verdicts = verdicts();
		assertThat(verdicts).hasSize(files.size()).allSatisfy(line -> assertThat(line).startsWith("ACCEPT "));
		assertThat(verdicts).containsExactlyElementsOf(files.stream().map(file -> "ACCEPT " + file).toList());
		assertThat(lines()).contains("  EDXL-DE RFSuniqueID12345: 7 CAP alerts");
	}

	@Test
	void refusesEveryInvalidCorpusFileWithItsCode() {
		String invalid = Corpus.CAP.resolve("invalid").toString();
		int status = run("cap", "validate", invalid + "/invalid.cap", invalid + "/xee.cap",
				invalid + "/canada_errors.cap", invalid + "/bushfire_invalid.edxlde");
		assertThat(status).isEqualTo(CapCommand.REFUSED);
		assertThat(verdicts()).containsExactly("REFUSE " + invalid + "/invalid.cap CAP_SCHEMA_INVALID",
				"REFUSE " + invalid + "/xee.cap CAP_DTD_FORBIDDEN",
				"REFUSE " + invalid + "/canada_errors.cap CAP_REFERENCES_REQUIRED",
				"REFUSE " + invalid + "/bushfire_invalid.edxlde EDXL_INVALID");
		assertThat(lines()).contains("  CAP_REFERENCES_REQUIRED: an Update must reference the alerts it replaces");
	}

	@Test
	void acceptsCap10And11AlertsSayingTheyWereUpgraded() {
		String v10 = Corpus.CAP.resolve("v1dot0/v1dot0_appendix_adot3.xml").toString();
		String v11 = Corpus.CAP.resolve("v1dot1/weather.cap").toString();
		String invalid11 = Corpus.invalid("noaa_errors.cap").toString();
		int status = run("cap", "validate", v10, v11, invalid11);
		assertThat(status).isEqualTo(CapCommand.REFUSED);
		assertThat(verdicts()).containsExactly("ACCEPT " + v10, "ACCEPT " + v11,
				"REFUSE " + invalid11 + " CAP_SCHEMA_INVALID");
		assertThat(lines()).contains("  TRI13970876.1: read as CAP 1.0, upgraded to CAP 1.2",
				"  NOAA-NWS-ALERTS-MT20100830100700TFXFlashFloodWatchTFX20100830180000MT: read as CAP 1.1, upgraded to CAP 1.2")
			.anySatisfy(line -> assertThat(line).startsWith("  CAP_SCHEMA_INVALID: not valid CAP 1.1: line "));
	}

	@Test
	void oneRefusedFileMakesTheStatusNonZero() {
		int status = run("cap", "validate", Corpus.valid("canada.cap").toString(), Corpus.invalid("xee.cap").toString());
		assertThat(status).isEqualTo(CapCommand.REFUSED);
		assertThat(verdicts()).containsExactly("ACCEPT " + Corpus.valid("canada.cap"),
				"REFUSE " + Corpus.invalid("xee.cap") + " CAP_DTD_FORBIDDEN");
	}

	@Test
	void refusesAFileThatIsNotThere() {
		int status = run("cap", "validate", "no/such/file.cap");
		assertThat(status).isEqualTo(CapCommand.REFUSED);
		assertThat(verdicts()).containsExactly("REFUSE no/such/file.cap CAP_UNREADABLE");
	}

	@Test
	void appliesOurPublishingProfileOnRequest() {
		// Environment Canada's alert is fine inbound, but not one we would publish
		int status = run("cap", "validate", "--own", Corpus.valid("canada.cap").toString());
		assertThat(status).isEqualTo(CapCommand.REFUSED);
		assertThat(verdicts().get(0)).startsWith("REFUSE ").contains("CAP_COLOUR_MISSING", "CAP_AREA_CODE_MISSING");
	}

	@Test
	void acceptsOurOwnWarningUnderThePublishingProfile(@TempDir Path dir) throws Exception {
		Path own = dir.resolve("own.cap");
		Files.write(own, new CapXmlWriter().write(Alerts.ownRedWarning()));
		assertThat(run("cap", "validate", "--own", own.toString())).isZero();
		assertThat(verdicts()).containsExactly("ACCEPT " + own);
	}

	@Test
	void answersUsageErrorsWithStatusTwo() {
		assertThat(run("cap")).isEqualTo(CapCommand.USAGE);
		assertThat(run("cap", "validate")).isEqualTo(CapCommand.USAGE);
		assertThat(run("cap", "frobnicate", "x")).isEqualTo(CapCommand.USAGE);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: cap validate");
		assertThat(out.size()).isZero();
	}

	@Test
	void recognisesOnlyCapArguments() {
		assertThat(CapCommand.isCapCommand(new String[] { "cap", "validate", "x" })).isTrue();
		assertThat(CapCommand.isCapCommand(new String[] { "--server.port=9090" })).isFalse();
		assertThat(CapCommand.isCapCommand(new String[0])).isFalse();
	}

	private int run(String... args) {
		return CapCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private List<String> lines() {
		return out.toString(StandardCharsets.UTF_8).lines().toList();
	}

	/** The unindented lines: one verdict per file. */
	private List<String> verdicts() {
		List<String> verdicts = new ArrayList<>();
		lines().stream().filter(line -> !line.startsWith(" ")).forEach(verdicts::add);
		return verdicts;
	}

}
