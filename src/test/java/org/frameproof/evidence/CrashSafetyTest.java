package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.frameproof.domain.Case;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing child JVM with SIGKILL at random moments: every acknowledged save is there
 * afterwards, every save is all five rows or none, the chain verifies and the store opens. The
 * default run kills 8 times; {@code -Dframeproof.crash.kills=200} runs the full 200.
 */
class CrashSafetyTest {
    private static final int KILLS = Integer.getInteger("frameproof.crash.kills", 8);

    @TempDir Path dataFolder;

    @Test
    void everyAcknowledgedSaveSurvivesSigkillAndEverySaveIsWhole() throws Exception {
        TestStores.create(dataFolder).close();
        Random random = new Random();
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        long next = 1;
        int killedWhileWriting = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = start(next);
            List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
            Thread reader = new Thread(() -> read(child, lines, acknowledged, ready));
            reader.start();
            // Every fifth kill anywhere in startup (opening, migrating); the rest while saves are under way.
            if (kill % 5 == 4) {
                Thread.sleep(random.nextInt(1500));
            } else {
                assertTrue(ready.await(2, TimeUnit.MINUTES), "the writer did not start");
                Thread.sleep(random.nextInt(1500));
            }
            child.destroyForcibly(); // SIGKILL on Linux
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            reader.join();
            if (lines.contains("READY")) {
                killedWhileWriting++;
            }
            next = checkStore(acknowledged);
        }
        System.out.printf("CrashSafetyTest: %d kills (%d while writing), %d saves acknowledged, all present%n",
                KILLS, killedWhileWriting, acknowledged.size());
        assertTrue(killedWhileWriting >= KILLS * 4 / 5, "most kills should land while writing: " + killedWhileWriting);
    }

    private Process start(long next) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(), dataFolder.toString(), Long.toString(next));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void read(Process child, List<String> lines, Set<Long> acknowledged, java.util.concurrent.CountDownLatch ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
                if (line.equals("READY")) {
                    ready.countDown();
                }
                if (line.startsWith("ACK ")) {
                    acknowledged.add(Long.parseLong(line.substring(4)));
                }
            }
        } catch (java.io.IOException ignored) {
            // The pipe breaks when the child is killed; what was read before counts.
        }
    }

    /** Opens the store as the app would and checks it; returns the next number to write. */
    private long checkStore(Set<Long> acknowledged) throws Exception {
        try (EvidenceStore store = TestStores.unlock(dataFolder)) {
            Map<Long, Integer> annotationRows = new HashMap<>();
            new org.frameproof.store.AuditRepository(store.database()).forEachInOrder(entry -> {
                if (entry.action().equals("annotation.create")) {
                    annotationRows.merge(Long.parseLong(entry.entityId().substring(6)), 1, Integer::sum);
                }
                return true;
            });
            long highest = 0;
            for (Case saved : store.cases().listCases()) {
                long n = Long.parseLong(saved.title().substring(6));
                highest = Math.max(highest, n);
                assertEquals(CrashWriter.ROWS_PER_SAVE, annotationRows.getOrDefault(n, 0), "save " + n + " is partial");
            }
            assertEquals(store.cases().listCases().size(), annotationRows.size(), "annotation rows without their case");
            for (long n : acknowledged) {
                assertTrue(annotationRows.containsKey(n), "acknowledged save " + n + " is lost");
            }
            AuditVerification chain = store.audit().verify();
            assertTrue(chain.intact(), chain.describe());
            return highest + 1;
        }
    }
}
