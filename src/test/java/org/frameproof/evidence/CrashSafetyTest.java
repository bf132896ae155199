package org.frameproof.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.frameproof.domain.Case;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing child JVM with SIGKILL at random moments: every acknowledged save is there
 * afterwards, every save is all its rows or none, the chain verifies and the store opens. The
 * default run kills 8 times; {@code -Dframeproof.crash.kills=200} runs the full 200.
 *
 * <p>Every fifth kill lands at a random moment of the child's startup (key unwrap, database open,
 * migration); the others land a random time after the child's first acknowledged save, so they hit
 * writing however loaded the machine is. When a save is missing, the failure names the kill, what
 * the child printed last, what the store holds around the lost save, and where a copy of the data
 * folder was kept.
 */
@NativeTier
class CrashSafetyTest {
    private static final int KILLS = Integer.getInteger("frameproof.crash.kills", 8);
    private static final int LONGEST_WAIT_MS = 1500;

    @TempDir Path dataFolder;
    @TempDir Path childErrors;

    /** One kill: when it landed and what the child had said by then. */
    private record Kill(int number, boolean duringStartup, int waitedMs, int acknowledgedThisRun, String lastLines) {
        @Override
        public String toString() {
            return "kill " + number + (duringStartup ? " (startup, " : " (writing, ") + waitedMs + " ms) after "
                    + acknowledgedThisRun + " acks, last printed: " + lastLines;
        }
    }

    @Test
    void everyAcknowledgedSaveSurvivesSigkillAndEverySaveIsWhole() throws Exception {
        long started = System.nanoTime();
        TestStores.create(dataFolder).close();
        Random random = new Random();
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        Deque<Kill> recent = new ArrayDeque<>();
        long next = 1;
        int killedWhileWriting = 0;
        for (int number = 1; number <= KILLS; number++) {
            boolean duringStartup = number % 5 == 0;
            Path errors = childErrors.resolve("child-" + number + ".err");
            Process child = start(next, errors);
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch firstAck = new CountDownLatch(1);
            Thread reader = new Thread(() -> read(child, lines, acknowledged, firstAck));
            reader.start();
            if (!duringStartup) {
                // Wait for a first commit, however slow startup is under load, so the kill lands in writing.
                assertTrue(firstAck.await(2, TimeUnit.MINUTES), "the writer did not save within 2 minutes: " + Files.readString(errors));
            }
            int waitedMs = random.nextInt(LONGEST_WAIT_MS);
            Thread.sleep(waitedMs);
            child.destroyForcibly(); // SIGKILL on Linux
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            reader.join();
            int acksThisRun = (int) lines.stream().filter(line -> line.startsWith("ACK ")).count();
            if (acksThisRun > 0) {
                killedWhileWriting++;
            }
            recent.addLast(new Kill(number, duringStartup, waitedMs, acksThisRun, lastOf(lines, 2)));
            if (recent.size() > 4) {
                recent.removeFirst();
            }
            next = checkStore(acknowledged, recent);
        }
        System.out.printf("CrashSafetyTest: %d kills (%d while writing), %d saves acknowledged, lost 0, partial 0, "
                + "repairs 0, %.0f s%n", KILLS, killedWhileWriting, acknowledged.size(), (System.nanoTime() - started) / 1e9);
        assertTrue(killedWhileWriting >= KILLS * 3 / 4, "most kills should land while writing: " + killedWhileWriting);
    }

    private Process start(long next, Path errors) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(), dataFolder.toString(), Long.toString(next));
        return new ProcessBuilder(command).redirectError(errors.toFile()).start();
    }

    private static void read(Process child, List<String> lines, Set<Long> acknowledged, CountDownLatch firstAck) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
                // Only whole "ACK n" lines count: a line cut off by the kill arrives without its end.
                if (line.matches("ACK \\d+ end")) {
                    acknowledged.add(Long.parseLong(line.substring(4, line.length() - 4)));
                    firstAck.countDown();
                }
            }
        } catch (IOException ignored) {
            // The pipe breaks when the child is killed; what was read before counts.
        }
    }

    private static String lastOf(List<String> lines, int count) {
        synchronized (lines) {
            return lines.subList(Math.max(0, lines.size() - count), lines.size()).toString();
        }
    }

    /** Opens the store as the app would and checks it; returns the next number to write. */
    private long checkStore(Set<Long> acknowledged, Deque<Kill> recent) throws Exception {
        try (EvidenceStore store = TestStores.unlock(dataFolder)) {
            Map<Long, Integer> annotationRows = new HashMap<>();
            new org.frameproof.store.AuditRepository(store.database()).forEachInOrder(entry -> {
                if (entry.action().equals("annotation.create")) {
                    annotationRows.merge(Long.parseLong(entry.entityId().substring(6)), 1, Integer::sum);
                }
                return true;
            });
            TreeSet<Long> saved = new TreeSet<>();
            for (Case savedCase : store.cases().listCases()) {
                long n = Long.parseLong(savedCase.title().substring(6));
                saved.add(n);
                assertEquals(CrashWriter.ROWS_PER_SAVE, annotationRows.getOrDefault(n, 0), "save " + n + " is partial");
            }
            assertEquals(saved.size(), annotationRows.size(), "annotation rows without their case");
            TreeSet<Long> lost = acknowledged.stream().filter(n -> !annotationRows.containsKey(n))
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!lost.isEmpty()) {
                fail(describeLoss(lost, saved, recent));
            }
            AuditVerification chain = store.audit().verify();
            assertTrue(chain.intact(), chain.describe());
            return saved.isEmpty() ? 1 : saved.last() + 1;
        }
    }

    private String describeLoss(TreeSet<Long> lost, TreeSet<Long> saved, Deque<Kill> recent) throws IOException {
        Path kept = Files.createTempDirectory("frameproof-crash-loss-");
        try (Stream<Path> files = Files.list(dataFolder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, kept.resolve(file.getFileName()));
            }
        }
        return lost.size() + " acknowledged saves lost, " + lost.first() + ".." + lost.last()
                + "; the store holds " + saved.size() + " saves, highest " + (saved.isEmpty() ? "none" : saved.last())
                + ", highest below the loss " + saved.lower(lost.first())
                + "; recent kills: " + recent + "; data folder kept in " + kept;
    }
}
