package cn.fj.emergency.command.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;
import redis.embedded.model.OsArchitecture;

/**
 * The redis-server executable shipped inside the embedded-redis jar. The library would copy it to a fresh temporary
 * folder on every start; copying it once into the data directory keeps /tmp clean and saves the copy.
 */
record RedisBinary(String resource) {

	static RedisBinary forThisMachine() {
		OsArchitecture platform = OsArchitecture.detectOSandArchitecture();
		String resource = ExecutableProvider.newProvidedVersionsMap().get(platform);
		if (resource == null) {
			throw new IllegalStateException("No embedded Redis for " + platform.os + " " + platform.arch
					+ "; set spring.data.redis.url to use an existing server");
		}
		return new RedisBinary(resource);
	}

	/**
	 * The executable in {@code folder}, copied there first if missing. The copy goes through a temporary file so
	 * that a start killed half-way never leaves a truncated binary behind.
	 */
	Path installIn(Path folder) throws IOException {
		Path executable = folder.resolve(this.resource.substring(this.resource.lastIndexOf('/') + 1));
		if (Files.isExecutable(executable)) {
			return executable;
		}
		Files.createDirectories(folder);
		Path partial = Files.createTempFile(folder, executable.getFileName().toString(), ".partial");
		try (InputStream content = RedisServer.class.getResourceAsStream(this.resource)) {
			if (content == null) {
				throw new IOException("embedded-redis jar has no " + this.resource);
			}
			Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
			if (!partial.toFile().setExecutable(true)) {
				throw new IOException("Could not make " + partial + " executable");
			}
			return Files.move(partial, executable, StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

}
