package org.frameproof.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test that drives JavaFX through TestFX (headless Monocle): the slow screen tier.
 * {@code ./frameproof test} runs it; {@code ./mvnw test -Pfast} leaves it out. {@code TestTiersTest}
 * fails for a TestFX test class without it, so the tiers cannot drift apart.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(ScreenTier.TAG)
public @interface ScreenTier {
    String TAG = "screen";
}
