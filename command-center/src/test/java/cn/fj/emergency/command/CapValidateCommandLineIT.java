package cn.fj.emergency.command;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.fj.emergency.command.support.Conformance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar command-center.jar cap validate FILE...} as an operator runs it: the jar this build packaged,
 * in a process of its own (a failsafe test, run after {@code package}; the alerting module's CapCommandTest
 * covers the command itself in-process).
 */
class CapValidateCommandLineIT {

	/** The jar the build just packaged (failsafe runs after {@code package} and names it). */
	private static final Path JAR = Path.of(System.getProperty("hub.jar", "target/command-center.jar")).toAbsolutePath();

	private static final Path CORPUS = Conformance.path("cap");

	@Test
	void validatesFromThePackagedJarWithoutStartingTheHub(@TempDir Path workDir) throws Exception {
		assertThat(JAR).as("the packaged command-center.jar").exists();
		// given one valid alert, the envelope, a CAP 1.1 alert of the US National Weather Service and the
		// external-entity attack
		String valid = CORPUS.resolve("valid/canada_signed.cap").toString();
		String envelope = CORPUS.resolve("valid/bushfire_valid.edxlde").toString();
		String cap11 = CORPUS.resolve("v1dot1/weather.cap").toString();
		String attack = CORPUS.resolve("invalid/xee.cap").toString();
		// when the jar runs the validator in an empty folder
		Process process = new ProcessBuilder(java(), "-jar", JAR.toString(), "cap", "validate", valid, envelope, cap11,
				attack)
			.directory(workDir.toFile())
			.redirectErrorStream(true)
			.start();
		boolean finished = process.waitFor(120, TimeUnit.SECONDS);
		if (!finished) {
			process.destroyForcibly();
		}
		List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		// then it answers per file, exits 1, and started nothing: no banner, no log, no data folder
		assertThat(finished).as("the validator finished").isTrue();
		assertThat(process.exitValue()).isEqualTo(1);
		assertThat(lines.stream().filter(line -> !line.startsWith(" "))).containsExactly("ACCEPT " + valid,
				"ACCEPT " + envelope, "ACCEPT " + cap11, "REFUSE " + attack + " CAP_DTD_FORBIDDEN");
		assertThat(lines).anySatisfy(line -> assertThat(line).endsWith(": read as CAP 1.1, upgraded to CAP 1.2"));
		assertThat(lines).noneMatch(line -> line.contains("Spring") || line.contains("INFO") || line.contains("Started"));
		try (Stream<Path> created = Files.list(workDir)) {
			assertThat(created).isEmpty();
		}
	}

	private static String java() throws IOException {
		Path java = Path.of(System.getProperty("java.home"), "bin", File.separatorChar == '\\' ? "java.exe" : "java");
		if (!Files.isExecutable(java)) {
			throw new IOException("no java at " + java);
		}
		return java.toString();
	}

}
