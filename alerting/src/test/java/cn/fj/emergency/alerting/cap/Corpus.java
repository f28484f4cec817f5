package cn.fj.emergency.alerting.cap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The CAP conformance corpus, read as it is from ../shared/conformance/cap beside the project root. */
public final class Corpus {

	public static final Path CAP = projectRoot().resolve("../shared/conformance/cap").normalize();

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

	private static Path projectRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("no project root (a folder with mvnw) above " + Path.of("").toAbsolutePath());
		}
		return dir;
	}

}
