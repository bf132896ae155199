package org.frameproof.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.Case;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Footage;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.Provenance;
import org.frameproof.evidence.AnnotationContent;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.ImportResult;
import org.frameproof.evidence.Progress;
import org.frameproof.evidence.VaultCopies;
import org.frameproof.media.MediaProbe;
import org.frameproof.testing.NativeTier;
import org.frameproof.testing.TestFootage.BadInput;
import org.frameproof.testing.TestFootage.Clip;
import org.frameproof.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The graph the app itself runs, with footage analysed in a child process: the other tests build
 * theirs with an in-process analyser, so this is where the app's own inputs are exercised.
 */
@NativeTier
class CompositionTest {
    @TempDir Path dataFolder;

    @Test
    void theAppsStoresAnalyseFootageInAChildProcessAndKeepItsIndexInTheDataFolder() throws Exception {
        Composition app = Composition.forThisMachine();
        Clip clip = Clip.H264_BFRAMES_LONGGOP;
        try (EvidenceStore store = app.stores().create(dataFolder, TestStores.PASSPHRASE.toCharArray(), TestStores.REVIEWER)) {
            Case investigation = store.cases().createCase("Checkpoint 4", "");
            List<ImportResult> results = store.footage().importFiles(investigation,
                    List.of(clip.path(), BadInput.TEXT_NAMED_MP4.path()), Provenance.UNKNOWN, Progress.NONE);
            Footage item = results.get(0).footage();
            assertEquals(ImportResult.Outcome.REFUSED, results.get(1).outcome());
            assertTrue(results.get(1).reason().startsWith("not a video"), "the reason without the file's name: "
                    + results.get(1).reason());
            assertTrue(Stream.of(store.dataFolder().resolve("index-cache").toFile().list()).findAny().isPresent(),
                    "the analysis is kept in the store's index cache");

            Annotation annotation = store.annotations().create(item.id(), 12, 12, new AnnotationContent("armband", null,
                    Confidence.HIGH, List.of(), null, new Finding.Note(null)));
            FrameIndex inProcess = MediaProbe.analyze(clip.path(), progress -> { }, () -> false).index();
            assertEquals(inProcess.ptsMillis(12), annotation.span().startPtsMs(), "the vault copy's own frame times");
            assertEquals(inProcess.frameCount(), app.analyzer(store.unlockedVault())
                    .analyze(VaultCopies.of(store.unlockedVault()).of(item), progress -> { }, () -> false).index().frameCount());
        }
        assertTrue(Files.isDirectory(dataFolder.resolve("index-cache")));
    }

    @Test
    void theCommandLineHasTheStoreAndAnnotationCommands() {
        Composition app = Composition.forThisMachine();
        CommandLine commandLine = app.commandLine((data, video) -> { }, app.storeAccess(java.util.Map.of(), null), "1.0");
        for (String command : List.of("probe", "cases", "import", "verify", "backup", "audit", "annotations")) {
            assertTrue(commandLine.getSubcommands().containsKey(command), command);
        }
    }
}
