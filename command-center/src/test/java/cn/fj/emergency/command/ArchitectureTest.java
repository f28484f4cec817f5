package cn.fj.emergency.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The feature boundaries of command-center, as rules that fail the build when broken. */
class ArchitectureTest {

	static final JavaClasses HUB = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("cn.fj.emergency.command");

	/** Features depend on each other in one direction only. */
	static final ArchRule FEATURES_ARE_FREE_OF_CYCLES = slices().matching("cn.fj.emergency.command.(*)..")
		.should()
		.beFreeOfCycles();

	/** A feature's storage is its own: other features go through its published types. */
	static final ArchRule STORAGE_IS_PRIVATE_TO_ITS_FEATURE = classes().that()
		.resideInAPackage("cn.fj.emergency.command.(*).persistence..")
		.should()
		.onlyBeAccessed()
		.byClassesThat()
		.resideInAnyPackage("cn.fj.emergency.command.stream..", "cn.fj.emergency.command.incident..",
				"cn.fj.emergency.command.security..", "cn.fj.emergency.command.uplink..",
				"cn.fj.emergency.command.order..", "cn.fj.emergency.command.sitrep..",
				"cn.fj.emergency.command.video..", "cn.fj.emergency.command.drill..", "cn.fj.emergency.command.audit..",
				"cn.fj.emergency.command.alarm..", "cn.fj.emergency.command.disaster..", "cn.fj.emergency.command.plan..")
		.andShould(ownFeatureOnly());

	/** Adapters (HTTP, RSocket) are entry points: nothing else calls into them. */
	static final ArchRule ADAPTERS_ARE_NOT_CALLED = noClasses().that()
		.resideOutsideOfPackages("..web..", "..rsocket..", "cn.fj.emergency.command.citylink..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("cn.fj.emergency.command.(*).web..", "cn.fj.emergency.command.incident.rsocket..",
				"cn.fj.emergency.command.stream.rsocket..");

	/** The reference data and the error catalogue are plain Java, usable anywhere. */
	static final ArchRule REFERENCE_DATA_HAS_NO_FRAMEWORK = noClasses().that()
		.resideInAnyPackage("cn.fj.emergency.command.area..")
		.or()
		.haveSimpleName("ErrorCode")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "io.r2dbc..", "reactor..");

	private static com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaClass> ownFeatureOnly() {
		return new com.tngtech.archunit.lang.ArchCondition<>("be accessed only from their own feature") {
			@Override
			public void check(com.tngtech.archunit.core.domain.JavaClass item,
					com.tngtech.archunit.lang.ConditionEvents events) {
				String feature = feature(item.getPackageName());
				item.getAccessesToSelf().forEach(access -> {
					String from = feature(access.getOriginOwner().getPackageName());
					if (!from.equals(feature)) {
						events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(access, access.getDescription()));
					}
				});
			}
		};
	}

	private static String feature(String packageName) {
		String rest = packageName.substring("cn.fj.emergency.command".length());
		String[] parts = rest.split("\\.");
		return parts.length > 1 ? parts[1] : "";
	}

	@Test
	void featuresAreFreeOfCycles() {
		FEATURES_ARE_FREE_OF_CYCLES.check(HUB);
	}

	@Test
	void storageIsPrivateToItsFeature() {
		STORAGE_IS_PRIVATE_TO_ITS_FEATURE.check(HUB);
	}

	@Test
	void adaptersAreNotCalled() {
		ADAPTERS_ARE_NOT_CALLED.check(HUB);
	}

	@Test
	void referenceDataHasNoFramework() {
		REFERENCE_DATA_HAS_NO_FRAMEWORK.check(HUB);
	}

}
