package cn.fj.emergency.alerting;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The alerting module's boundaries, as rules that fail the build when broken. */
class AlertingArchitectureTest {

	static final JavaClasses ALERTING = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("cn.fj.emergency.alerting");

	/** The module stands alone: it never reaches into the hub or the other modules. */
	static final ArchRule DEPENDS_ON_NO_OTHER_MODULE = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("cn.fj.emergency.command..", "cn.fj.emergency.resources..", "cn.fj.emergency.console..");

	/** A feature's domain (its root package) is plain Java: no XML library, no framework, no adapter. */
	static final ArchRule DOMAIN_IS_PLAIN_JAVA = noClasses().that()
		.resideInAnyPackage("cn.fj.emergency.alerting.cap", "cn.fj.emergency.alerting.approval",
				"cn.fj.emergency.alerting.targeting")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("jakarta..", "javax.xml..", "org.w3c..", "org.xml..", "org.springframework..", "reactor..",
				"io.r2dbc..", "cn.fj.emergency.alerting.cap.xml..", "cn.fj.emergency.alerting.cap.cli..");

	/** Features and their adapters depend on each other in one direction only. */
	static final ArchRule FREE_OF_CYCLES = slices().matching("cn.fj.emergency.alerting.(**)").should().beFreeOfCycles();

	@Test
	void dependsOnNoOtherModule() {
		DEPENDS_ON_NO_OTHER_MODULE.check(ALERTING);
	}

	@Test
	void domainIsPlainJava() {
		DOMAIN_IS_PLAIN_JAVA.check(ALERTING);
	}

	@Test
	void featuresAreFreeOfCycles() {
		FREE_OF_CYCLES.check(ALERTING);
	}

}
