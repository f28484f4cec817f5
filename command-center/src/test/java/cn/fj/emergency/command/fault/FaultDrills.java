package cn.fj.emergency.command.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.fj.emergency.command.support.NettyLeaks;

/**
 * The fault drills in their long form, for the benchmark harness: each runs with its {@code LONG} size on the
 * embedded servers of {@link cn.fj.emergency.command.support.TestInfrastructure}, with paranoid Netty leak
 * detection, and its result is printed. The tests run the same drills short and assert on the results.
 * <p>
 * The tests themselves run long with {@code -Dfault.drills=long} (docs/faults.md); {@link #main} runs the drills
 * named as arguments among {@code killed redis postgres stalled} (all if none) on the test classpath.
 */
public final class FaultDrills {

	private FaultDrills() {
	}

	/**
	 * Whether the tests run the drills long: system property {@code fault.drills=long}, e.g.
	 * {@code ./mvnw -pl command-center -am test -Dtest='fault.*Test' -Dfault.drills=long}.
	 */
	public static boolean longForm() {
		return "long".equals(System.getProperty("fault.drills"));
	}

	public static void main(String[] args) {
		List<String> results = runLong(args.length == 0 ? Set.of("killed", "redis", "postgres", "stalled") : Set.of(args));
		results.forEach(System.out::println);
		System.exit(0);
	}

	/** Runs the chosen drills long and answers their results, the last line the leak reports. */
	public static List<String> runLong(Set<String> drills) {
		NettyLeaks leaks = NettyLeaks.install();
		List<String> results = new ArrayList<>();
		if (drills.contains("killed")) {
			results.add(KilledInstanceDrill.run(KilledInstanceDrill.Size.LONG).toString());
		}
		if (drills.contains("redis")) {
			results.add(RedisOutageDrill.run(RedisOutageDrill.Size.LONG).toString());
		}
		if (drills.contains("postgres")) {
			results.add(DatabaseRestartDrill.run(DatabaseRestartDrill.Size.LONG).toString());
		}
		if (drills.contains("stalled")) {
			results.add(StalledConsolesDrill.run(StalledConsolesDrill.Size.LONG).toString());
		}
		leaks.provoke();
		results.add("Netty leak reports: " + leaks.leaks().size() + (leaks.leaks().isEmpty() ? "" : " " + leaks.leaks()));
		return results;
	}

}
