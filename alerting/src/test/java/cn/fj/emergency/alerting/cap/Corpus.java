package cn.fj.emergency.alerting.cap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The CAP conformance corpus, read as it is from the test class path ({@code src/test/resources/conformance/cap}). */
public final class Corpus {

	public static final Path CAP = onClassPath("/conformance/cap");

	private Corpus() {
	}

	public static Path valid(String name) {
		return CAP.resolve("valid").resolve(name);
	}

	public static Path invalid(String name) {
		return CAP.resolve("invalid").resolve(name);
	}

	/** The valid CAP alerts (not the envelope). */
	public static List<Path> validAlerts() {
		return list("valid").stream().filter(path -> !path.toString().endsWith(".edxlde")).toList();
	}

	public static List<Path> list(String folder) {
		try (Stream<Path> files = Files.list(CAP.resolve(folder))) {
			return files.sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] bytes(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A folder of the test class path, as a path on disk (test resources are copied to target/test-classes). */
	public static Path onClassPath(String folder) {
		URL url = Corpus.class.getResource(folder);
		if (url == null) {
			throw new IllegalStateException(folder + " is not on the test class path");
		}
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
