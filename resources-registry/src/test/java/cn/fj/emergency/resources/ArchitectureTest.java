package cn.fj.emergency.resources;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The boundaries of the registry, as rules that fail the build when broken. They name no feature: a feature is a
 * package directly below {@code cn.fj.emergency.resources} (depot, stock, reservation, finding, and any added
 * later), its storage the {@code persistence} package below it.
 */
class ArchitectureTest {

	static final String ROOT = "cn.fj.emergency.resources";

	static final JavaClasses REGISTRY = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	/** The registry with its tests: a class a test of another package uses is used there too. */
	static final JavaClasses WITH_TESTS = new ClassFileImporter().importPackages(ROOT);

	/** Features depend on each other in one direction only. */
	static final ArchRule FEATURES_ARE_FREE_OF_CYCLES = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

	/** A feature's storage is its own: other features go through its published types. */
	static final ArchRule STORAGE_IS_PRIVATE_TO_ITS_FEATURE = classes().that()
		.resideInAPackage(ROOT + ".*.persistence..")
		.should(beAccessedOnlyFromTheirOwnFeature());

	/** Only storage speaks R2DBC; the rules and the domain are plain Java with Reactor. */
	static final ArchRule ONLY_STORAGE_SPEAKS_R2DBC = noClasses().that()
		.resideOutsideOfPackage("..persistence..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.r2dbc..", "org.springframework.r2dbc..");

	/** The registry is a library of the application, not part of it: it knows nothing of command-center. */
	static final ArchRule INDEPENDENT_OF_THE_APPLICATION = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("cn.fj.emergency.command..", "cn.fj.emergency.alerting..");

	/**
	 * Package-private by default: a public class of a feature is one that another package uses, or one the
	 * application uses, which these rules cannot see: such a class says so by being a Spring component, a port (an
	 * interface the application implements), or a type in the public signature of a public class that is itself
	 * used elsewhere (a form, a view, an answer). What only its own package uses is not public.
	 */
	static final ArchRule PUBLIC_ONLY_WHEN_USED_ELSEWHERE = classes().that()
		.resideInAPackage(ROOT + ".*..")
		.and()
		.arePublic()
		.and()
		.areTopLevelClasses()
		.should(beUsedOutsideTheirPackageOrBeAnEntryPoint());

	private static ArchCondition<JavaClass> beAccessedOnlyFromTheirOwnFeature() {
		return new ArchCondition<>("be accessed only from their own feature") {
			@Override
			public void check(JavaClass item, ConditionEvents events) {
				String feature = feature(item.getPackageName());
				item.getDirectDependenciesToSelf().forEach(dependency -> {
					if (!feature(dependency.getOriginClass().getPackageName()).equals(feature)) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				});
			}
		};
	}

	private static ArchCondition<JavaClass> beUsedOutsideTheirPackageOrBeAnEntryPoint() {
		return new ArchCondition<>("be used outside their package, or be an entry point of the application") {
			@Override
			public void check(JavaClass item, ConditionEvents events) {
				boolean usedElsewhere = item.getDirectDependenciesToSelf()
					.stream()
					.anyMatch(d -> !d.getOriginClass().getPackageName().equals(item.getPackageName()));
				if (!usedElsewhere && !entryPoint(item) && !item.isInterface() && !exposed(item)) {
					events.add(SimpleConditionEvent.violated(item, item.getName()
							+ " is public but used only in its own package: make it package-private"));
				}
			}
		};
	}

	/** A Spring component the application calls: public by nature. */
	static boolean entryPoint(JavaClass c) {
		return c.isAnnotatedWith("org.springframework.stereotype.Component")
				|| c.isAnnotatedWith("org.springframework.stereotype.Repository")
				|| c.isAnnotatedWith("org.springframework.context.annotation.Configuration")
				|| c.isAnnotatedWith("org.springframework.boot.context.properties.ConfigurationProperties");
	}

	/** Whether a public class that is an entry point or used elsewhere takes or answers it in a public method. */
	static boolean exposed(JavaClass c) {
		return WITH_TESTS.stream()
			.filter(e -> e != c && e.getModifiers().contains(JavaModifier.PUBLIC))
			.filter(e -> entryPoint(e) || e.isInterface() || e.getDirectDependenciesToSelf()
				.stream()
				.anyMatch(d -> !d.getOriginClass().getPackageName().equals(e.getPackageName())))
			.flatMap(e -> e.getMethods().stream())
			.filter(m -> m.getModifiers().contains(JavaModifier.PUBLIC))
			.anyMatch(m -> m.getAllInvolvedRawTypes().contains(c));
	}

	private static String feature(String packageName) {
		String rest = packageName.substring(ROOT.length());
		String[] parts = rest.split("\\.");
		return parts.length > 1 ? parts[1] : "";
	}

	@Test
	void featuresAreFreeOfCycles() {
		FEATURES_ARE_FREE_OF_CYCLES.check(REGISTRY);
	}

	@Test
	void storageIsPrivateToItsFeature() {
		STORAGE_IS_PRIVATE_TO_ITS_FEATURE.check(REGISTRY);
	}

	@Test
	void onlyStorageSpeaksR2dbc() {
		ONLY_STORAGE_SPEAKS_R2DBC.check(REGISTRY);
	}

	@Test
	void independentOfTheApplication() {
		INDEPENDENT_OF_THE_APPLICATION.check(REGISTRY);
	}

	@Test
	void publicOnlyWhenUsedElsewhere() {
		PUBLIC_ONLY_WHEN_USED_ELSEWHERE.check(WITH_TESTS);
	}

}
