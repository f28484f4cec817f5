package cn.fj.emergency.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bare clone passes its own tests: no module's tests or build read the folder the project was given beside the
 * repository (its conformance corpus now lives in the modules' test resources). CI runs with that folder present,
 * so without this check a new reader of it would pass there and fail on every other machine.
 */
class TestsStayInTheRepositoryTest {

	/** Spelled in two parts, so that this file does not find itself. */
	private static final String OUTSIDE = ".." + "/shared";

	private static final String CORPUS_PATH = "shared" + "/conformance";

	private static final String CORPUS_SEGMENTS = "\"shared\"" + ", \"conformance\"";

	@Test
	void noTestOrBuildFileReadsTheFolderBesideTheRepository() throws IOException {
		Path root = Path.of("").toAbsolutePath().getParent();
		List<Path> offenders;
		try (Stream<Path> files = Files.walk(root)) {
			offenders = files.filter(Files::isRegularFile)
				.filter(TestsStayInTheRepositoryTest::isSourceOrBuild)
				.filter(file -> !file.toString().contains("/target/") && !file.toString().contains("/.git/"))
				.filter(TestsStayInTheRepositoryTest::mentionsOutside)
				.toList();
		}
		assertThat(root.resolve("pom.xml")).exists();
		assertThat(offenders).as("files that read " + OUTSIDE).isEmpty();
	}

	private static boolean isSourceOrBuild(Path file) {
		String name = file.getFileName().toString();
		return name.endsWith(".java") || name.equals("pom.xml") || name.endsWith(".sh") || name.equals("run");
	}

	private static boolean mentionsOutside(Path file) {
		try {
			String text = Files.readString(file, StandardCharsets.UTF_8);
			return text.contains(OUTSIDE) || text.contains(CORPUS_PATH) || text.contains(CORPUS_SEGMENTS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(file.toString(), ex);
		}
	}

}
