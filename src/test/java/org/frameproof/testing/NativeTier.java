package org.frameproof.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test that needs more of the machine than a JVM: the real libVLC, FFmpeg's natives (in
 * process or in the probe's child process, which every footage import starts), command-line tools
 * as independent references (ffmpeg, pdftotext, sha256sum), or the operating system killing a
 * process mid-write. {@code ./frameproof test} runs this tier; {@code ./mvnw test -Pfast} leaves it
 * out.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(NativeTier.TAG)
public @interface NativeTier {
    String TAG = "native";
}
