package org.frameproof;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of DESIGN.md, stated in code so that it stays true. */
@AnalyzeClasses(packages = "org.frameproof", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainImportsNothingOfOurs = noClasses().that().resideInAPackage("org.frameproof.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.frameproof.media..", "org.frameproof.store..", "org.frameproof.evidence..",
                    "org.frameproof.exchange..", "org.frameproof.ui..", "org.frameproof.cli..", "org.frameproof.app..");

    @ArchTest
    static final ArchRule domainHasNoFrameworks = noClasses().that().resideInAPackage("org.frameproof.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "java.sql..", "org.h2..", "uk.co.caprica..", "org.bytedeco..", "com.sun.jna..");

    @ArchTest
    static final ArchRule onlyMediaTouchesNativeMedia = noClasses().that().resideOutsideOfPackage("org.frameproof.media..")
            .should().dependOnClassesThat().resideInAnyPackage("uk.co.caprica..", "org.bytedeco..", "com.sun.jna..");

    @ArchTest
    static final ArchRule onlyStoreTouchesTheDatabase = noClasses().that().resideOutsideOfPackage("org.frameproof.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.h2..", "org.flywaydb..");

    @ArchTest
    static final ArchRule uiNeverUsesTheStore = noClasses().that().resideInAPackage("org.frameproof.ui..")
            .should().dependOnClassesThat().resideInAPackage("org.frameproof.store..");

    @ArchTest
    static final ArchRule cliNeverUsesTheUi = noClasses().that().resideInAPackage("org.frameproof.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.frameproof.ui..", "org.frameproof.app..", "javafx..");

    @ArchTest
    static final ArchRule servicesKnowNothingOfJavaFx = noClasses().that().resideInAnyPackage(
                    "org.frameproof.evidence..", "org.frameproof.exchange..", "org.frameproof.store..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule onlyTheAppComposes = noClasses().that().resideOutsideOfPackage("org.frameproof.app..")
            .should().dependOnClassesThat().resideInAPackage("org.frameproof.app..");

    /** Everything else logs through SLF4J; only the composition root knows which library writes the log. */
    @ArchTest
    static final ArchRule onlyTheAppConfiguresLogging = noClasses().that().resideOutsideOfPackage("org.frameproof.app..")
            .should().dependOnClassesThat().resideInAnyPackage("ch.qos.logback..", "org.slf4j.bridge..");
}
