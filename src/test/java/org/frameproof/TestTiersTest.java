package org.frameproof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import java.lang.annotation.Annotation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.ScreenTier;
import org.junit.jupiter.api.Test;

/**
 * The fast tier ({@code ./mvnw test -Pfast}) leaves out the tests tagged {@link ScreenTier} and
 * {@link NativeTier}; these rules keep the tags on every test that needs them, so that a new screen
 * or native test cannot slip into the fast tier unnoticed. A test reaches TestFX, FFmpeg or libVLC
 * either itself or through a test helper (a class without tests of its own), so helpers count too.
 */
class TestTiersTest {
    /** The compiled tests alone: scanning the whole class path for them would take far longer. */
    private static final JavaClasses TESTS = new ClassFileImporter()
            .importLocations(List.of(Location.of(TestTiersTest.class.getProtectionDomain().getCodeSource().getLocation())));

    /** Classes of the main code whose use means native code runs in the test's process. */
    private static final Set<String> NATIVE_CLASSES = Set.of(
            "org.frameproof.media.FrameDecoder", "org.frameproof.media.VlcPlayback",
            "org.frameproof.testing.Tools", "org.frameproof.testing.FfmpegCli");
    private static final List<String> NATIVE_PACKAGES = List.of("org.bytedeco.", "uk.co.caprica.", "com.sun.jna.");
    /** Importing footage probes it with FFmpeg in a child process. */
    private static final String IMPORT_METHOD = "importFiles";

    @Test
    void everyTestFxTestIsInTheScreenTier() {
        Set<JavaClass> screenTests = testsReaching(TESTS, type -> dependsOn(type, TestTiersTest::isTestFx));

        assertTrue(screenTests.size() > 1, "no TestFX test found: the rule would check nothing");
        assertEquals(List.of(), namesWithout(screenTests, ScreenTier.class), "TestFX tests without @ScreenTier");
    }

    @Test
    void everyTestOfNativeCodeOrToolsIsInASlowTier() {
        Set<JavaClass> nativeTests = testsReaching(TESTS,
                type -> dependsOn(type, TestTiersTest::isNative) || importsFootage(type));
        nativeTests.removeIf(test -> inTier(test, ScreenTier.class));

        assertTrue(nativeTests.size() > 1, "no native test found: the rule would check nothing");
        assertEquals(List.of(), namesWithout(nativeTests, NativeTier.class),
                "tests of FFmpeg, libVLC or command-line tools without @NativeTier");
    }

    private static boolean isTestFx(JavaClass type) {
        return type.getName().startsWith("org.testfx.");
    }

    private static boolean isNative(JavaClass type) {
        return NATIVE_CLASSES.contains(type.getName())
                || NATIVE_PACKAGES.stream().anyMatch(type.getName()::startsWith);
    }

    private static boolean importsFootage(JavaClass type) {
        return type.getMethodCallsFromSelf().stream().anyMatch(call -> call.getName().equals(IMPORT_METHOD));
    }

    private static boolean dependsOn(JavaClass type, Predicate<JavaClass> target) {
        return type.getDirectDependenciesFromSelf().stream().anyMatch(dependency -> target.test(dependency.getTargetClass()));
    }

    /** The test classes for which {@code uses} holds, themselves or for a test helper they use. */
    private static Set<JavaClass> testsReaching(JavaClasses classes, Predicate<JavaClass> uses) {
        Set<JavaClass> reaching = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (JavaClass type : classes) {
                if (!reaching.contains(type)
                        && (uses.test(type) || dependsOn(type, used -> reaching.contains(used) && !hasTests(used)))) {
                    reaching.add(type);
                    grew = true;
                }
            }
        }
        reaching.removeIf(type -> !hasTests(type));
        return reaching;
    }

    private static boolean hasTests(JavaClass type) {
        return type.getMethods().stream().anyMatch(method -> method.getAnnotations().stream()
                .anyMatch(annotation -> annotation.getRawType().getPackageName().startsWith("org.junit.jupiter")
                        && annotation.getRawType().getSimpleName().matches("Test|ParameterizedTest|RepeatedTest|TestFactory")));
    }

    private static List<String> namesWithout(Set<JavaClass> tests, Class<? extends Annotation> tier) {
        return tests.stream().filter(test -> !inTier(test, tier)).map(JavaClass::getName).sorted().toList();
    }

    /** Tagged on the class, on a class enclosing it (JUnit inherits tags into nested classes), or on a method. */
    private static boolean inTier(JavaClass test, Class<? extends Annotation> tier) {
        if (test.isAnnotatedWith(tier) || test.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(tier))) {
            return true;
        }
        return test.getEnclosingClass().map(outer -> inTier(outer, tier)).orElse(false);
    }
}
