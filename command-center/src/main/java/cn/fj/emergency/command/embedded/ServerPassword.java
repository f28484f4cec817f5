package cn.fj.emergency.command.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.apache.commons.logging.Log;

/**
 * The password of an embedded server: generated once, kept in a file of the data directory that only its owner may
 * read ({@code 0600}), and read again on every later start, so that a cluster initialized with it keeps working.
 */
final class ServerPassword {

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static final SecureRandom RANDOM = new SecureRandom();

	// 192 bits; URL-safe Base64, so that the password goes into a redis:// URL and a conninfo string unquoted
	private static final int BYTES = 24;

	private ServerPassword() {
	}

	/**
	 * The password kept in {@code file}, created with a new random one if there is none.
	 * @throws UncheckedIOException if the file cannot be read or written
	 */
	static String readOrCreate(Path file, Log log) {
		try {
			if (Files.exists(file)) {
				keepPrivate(file, log);
				String password = Files.readString(file, StandardCharsets.UTF_8).strip();
				if (!password.isEmpty()) {
					return password;
				}
			}
			return create(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or write the password file " + file, ex);
		}
	}

	private static String create(Path file) throws IOException {
		byte[] secret = new byte[BYTES];
		RANDOM.nextBytes(secret);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		writePrivate(file, password);
		return password;
	}

	/**
	 * Writes a file only its owner may read, replacing it whole: written beside it and moved, so that a crash never
	 * leaves a half-written secret behind.
	 */
	static void writePrivate(Path file, String content) throws IOException {
		Files.createDirectories(file.getParent());
		Path written = file.resolveSibling(file.getFileName() + ".new");
		Files.deleteIfExists(written);
		if (posix()) {
			Files.createFile(written, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		}
		Files.writeString(written, content, StandardCharsets.UTF_8);
		Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	private static void keepPrivate(Path file, Log log) throws IOException {
		if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
			log.warn("Password file " + file + " could be read by others; making it readable by its owner only (0600)");
			Files.setPosixFilePermissions(file, OWNER_ONLY);
		}
	}

	private static boolean posix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

}
