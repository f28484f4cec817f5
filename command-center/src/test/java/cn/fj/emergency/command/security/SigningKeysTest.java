package cn.fj.emergency.command.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The signing key of several hub instances sharing one key folder. */
class SigningKeysTest {

	@TempDir
	Path root;

	@Test
	void instancesRacingOnAnEmptyKeyFolderAllUseTheOneKeyItEndsUpHolding() throws Exception {
		int racers = 8;
		ExecutorService pool = Executors.newFixedThreadPool(racers);
		try {
			for (int round = 0; round < 20; round++) {
				// given an empty key folder and several instances starting at once
				Path dir = this.root.resolve("keys-" + round);
				CyclicBarrier start = new CyclicBarrier(racers);
				List<Future<String>> ids = new ArrayList<>();
				for (int i = 0; i < racers; i++) {
					ids.add(pool.submit(() -> {
						start.await(10, TimeUnit.SECONDS);
						return SigningKeys.loadOrCreate(dir).keyId();
					}));
				}
				Set<String> keyIds = new HashSet<>();
				for (Future<String> id : ids) {
					keyIds.add(id.get(60, TimeUnit.SECONDS));
				}
				// then all hold the same key, the one the folder keeps, and no temporary file is left
				assertThat(keyIds).as("round " + round).containsExactly(SigningKeys.loadOrCreate(dir).keyId());
				try (Stream<Path> files = Files.list(dir)) {
					assertThat(files.map(f -> f.getFileName().toString())).containsExactly(SigningKeys.FILE_NAME);
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
