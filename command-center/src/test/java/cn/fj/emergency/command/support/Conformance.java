package cn.fj.emergency.command.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The conformance corpus on the test class path ({@code /conformance/...}): command-center's own EIDO samples, and
 * the CAP and EDXL-RM samples the build copies from the alerting and resources-registry modules (see
 * {@code src/test/resources/conformance/README.md}). Nothing is read from outside the repository.
 */
public final class Conformance {

	private Conformance() {
	}

	/** A file or folder of the corpus, e.g. {@code path("cap/valid/canada.cap")}, as a path on disk. */
	public static Path path(String relative) {
		URL url = Conformance.class.getResource("/conformance/" + relative);
		if (url == null) {
			throw new IllegalStateException("conformance/" + relative + " is not on the test class path");
		}
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static byte[] bytes(String relative) {
		try {
			return Files.readAllBytes(path(relative));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
