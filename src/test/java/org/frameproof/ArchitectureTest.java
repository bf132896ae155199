package org.frameproof;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.frameproof.store.Compaction;

/** The layering of the README's "For developers", stated in code so that it stays true. */
@AnalyzeClasses(packages = "org.frameproof", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * The stack, bottom up: domain; media, store and exchange side by side, each on the domain
     * alone; evidence on those; ui and cli side by side on evidence; app composes them all. Every
     * class lives in one of these layers, so a new package must first say where it stands.
     */
    @ArchTest
    static final ArchRule theLayerStack = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage("org.frameproof..")
            .ensureAllClassesAreContainedInArchitecture()
            .layer("domain").definedBy("org.frameproof.domain..")
            .layer("media").definedBy("org.frameproof.media..")
            .layer("store").definedBy("org.frameproof.store..")
            .layer("exchange").definedBy("org.frameproof.exchange..")
            .layer("evidence").definedBy("org.frameproof.evidence..")
            .layer("ui").definedBy("org.frameproof.ui..")
            .layer("cli").definedBy("org.frameproof.cli..")
            .layer("app").definedBy("org.frameproof.app..")
            .whereLayer("domain").mayNotAccessAnyLayer()
            .whereLayer("media").mayOnlyAccessLayers("domain")
            .whereLayer("store").mayOnlyAccessLayers("domain")
            .whereLayer("exchange").mayOnlyAccessLayers("domain")
            .whereLayer("evidence").mayOnlyAccessLayers("domain", "media", "store", "exchange")
            // The screens reach the store only through evidence's services.
            .whereLayer("ui").mayOnlyAccessLayers("domain", "media", "exchange", "evidence")
            .whereLayer("cli").mayOnlyAccessLayers("domain", "media", "exchange", "evidence")
            .whereLayer("app").mayOnlyAccessLayers("domain", "media", "store", "exchange", "evidence", "ui", "cli")
            // `frameproof compact` prints the figures evidence's compact() returns in the store's own record.
            .ignoreDependency(resideInAPackage("org.frameproof.cli.."), equivalentTo(Compaction.Result.class));

    /**
     * No cycles between the screen packages: what several screens share (the open footage, its
     * annotations, the selection) lives in ui.review, below the screens that show it.
     */
    @ArchTest
    static final ArchRule screensFormNoCycles = slices().matching("org.frameproof.ui.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule domainHasNoFrameworks = noClasses().that().resideInAPackage("org.frameproof.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "java.sql..", "org.h2..", "uk.co.caprica..", "org.bytedeco..", "com.sun.jna..");

    @ArchTest
    static final ArchRule onlyMediaTouchesNativeMedia = noClasses().that().resideOutsideOfPackage("org.frameproof.media..")
            .should().dependOnClassesThat().resideInAnyPackage("uk.co.caprica..", "org.bytedeco..", "com.sun.jna..");

    /** One place chooses the provider of bulk encryption; everything else takes it from there. */
    @ArchTest
    static final ArchRule onlyBulkCryptoTouchesConscrypt = noClasses().that()
            .doNotHaveFullyQualifiedName("org.frameproof.domain.platform.BulkCrypto")
            .and().doNotHaveFullyQualifiedName("org.frameproof.domain.platform.BulkCrypto$Chosen")
            .should().dependOnClassesThat().resideInAPackage("org.conscrypt..");

    @ArchTest
    static final ArchRule onlyStoreTouchesTheDatabase = noClasses().that().resideOutsideOfPackage("org.frameproof.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.h2..", "org.flywaydb..");

    @ArchTest
    static final ArchRule servicesKnowNothingOfJavaFx = noClasses().that().resideInAnyPackage(
                    "org.frameproof.evidence..", "org.frameproof.exchange..", "org.frameproof.store..",
                    "org.frameproof.cli..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    /** The review engine runs and is tested without a screen; the player's view model adapts it to JavaFX. */
    @ArchTest
    static final ArchRule theReviewEngineKnowsNothingOfJavaFx = noClasses().that().resideInAPackage("org.frameproof.media.review..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.frameproof.media.VideoSurface")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.frameproof.media.VlcPlayback");

    /** Everything else logs through SLF4J; only the composition root knows which library writes the log. */
    @ArchTest
    static final ArchRule onlyTheAppConfiguresLogging = noClasses().that().resideOutsideOfPackage("org.frameproof.app..")
            .should().dependOnClassesThat().resideInAnyPackage("ch.qos.logback..", "org.slf4j.bridge..");
}
