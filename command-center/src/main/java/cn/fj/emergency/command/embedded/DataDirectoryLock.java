package cn.fj.emergency.command.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A claim on a data directory by one server. Two processes writing the same PostgreSQL or Redis files corrupt
 * them, so the first claim takes an operating-system lock on {@code .lock} that later processes cannot get. Within
 * one process PostgreSQL and Redis share that lock, and each may claim the directory once.
 */
final class DataDirectoryLock {

	private static final String LOCK_FILE = ".lock";

	private static final Map<Path, Held> held = new HashMap<>();

	private final Path directory;

	private final String server;

	private boolean released;

	private DataDirectoryLock(Path directory, String server) {
		this.directory = directory;
		this.server = server;
	}

	static DataDirectoryLock acquire(Path directory, String server) {
		Path canonical = canonical(directory);
		synchronized (held) {
			Held lock = held.get(canonical);
			if (lock == null) {
				lock = Held.lock(canonical);
				held.put(canonical, lock);
			}
			if (!lock.servers().add(server)) {
				throw new IllegalStateException(
						server + " is already running on data directory " + canonical + " in this process");
			}
			return new DataDirectoryLock(canonical, server);
		}
	}

	void release() {
		synchronized (held) {
			if (this.released) {
				return;
			}
			this.released = true;
			Held lock = held.get(this.directory);
			lock.servers().remove(this.server);
			if (lock.servers().isEmpty()) {
				held.remove(this.directory);
				lock.close(this.directory);
			}
		}
	}

	private static Path canonical(Path directory) {
		try {
			return Files.createDirectories(directory).toRealPath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create data directory " + directory, ex);
		}
	}

	private record Held(FileChannel channel, FileLock lock, Set<String> servers) {

		static Held lock(Path directory) {
			Path file = directory.resolve(LOCK_FILE);
			try {
				FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
						StandardOpenOption.WRITE);
				FileLock lock = tryLock(channel, file);
				if (lock == null) {
					channel.close();
					throw new IllegalStateException("Data directory " + directory
							+ " is in use by another process (" + owner(file) + ", lock file " + file
							+ "). Stop that command-center, or set hub.data-dir to another folder.");
				}
				// Only for the message above, seen by the next process that tries
				channel.truncate(0);
				channel.write(ByteBuffer.wrap(("PID " + ProcessHandle.current().pid() + "\n")
					.getBytes(StandardCharsets.UTF_8)));
				return new Held(channel, lock, new HashSet<>());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not lock data directory " + directory + " with " + file, ex);
			}
		}

		private static FileLock tryLock(FileChannel channel, Path file) throws IOException {
			try {
				return channel.tryLock();
			}
			catch (IOException | RuntimeException ex) {
				channel.close();
				throw ex;
			}
		}

		private static String owner(Path file) {
			try {
				String content = Files.readString(file, StandardCharsets.UTF_8).strip();
				return content.isEmpty() ? "owner unknown" : content;
			}
			catch (IOException ex) {
				return "owner unknown: " + ex.getMessage();
			}
		}

		void close(Path directory) {
			try {
				this.lock.release();
				this.channel.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not unlock data directory " + directory, ex);
			}
		}

	}

}
