package org.frameproof.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.frameproof.domain.Annotation;
import org.frameproof.testing.NativeTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@NativeTier
class SubtitleExportTest {
    @TempDir
    Path folder;

    private FfmpegSubtitles.Parsed exportAndParse(ExportFormat format, String name) throws Exception {
        Path file = folder.resolve(name);
        new Exporter((footage, frame) -> null).export(format, ExportFixtures.evidence(), file, ExportFixtures.options(),
                ExportMonitor.NONE);
        return FfmpegSubtitles.read(file);
    }

    private static void assertCues(List<FfmpegSubtitles.Cue> cues) {
        assertEquals(4, cues.size(), cues::toString);
        // Frame 0, a point: from 0 ms, held for the minimum readable 2 s.
        assertEquals(0, cues.get(0).startMs());
        assertEquals(2000, cues.get(0).endMs());
        assertTrue(cues.get(0).text().startsWith("[Note] frame 0\nصوت إطلاق نار"), cues.get(0).text());
        // Frames 100..250: from frame 100's start (3336.67 ms, rounded up) to the end of frame 250.
        assertEquals(3337, cues.get(1).startMs());
        assertEquals(8375, cues.get(1).endMs());
        assertTrue(cues.get(1).text().startsWith("[Location] frames 100-250\nСгоревший автобус"), cues.get(1).text());
        FfmpegSubtitles.Cue injury = cues.get(3);
        assertEquals(61195, injury.startMs());
        assertTrue(injury.text().contains("[Injury] frame 1834"), injury.text());
        assertTrue(injury.text().contains("Interpretation: Consistent with a \"close-range\" gunshot,\nentry wound"),
                injury.text());
    }

    @Test
    void ffmpegsWebVttDemuxerReadsEveryCue() throws Exception {
        FfmpegSubtitles.Parsed parsed = exportAndParse(ExportFormat.VTT, "notes.vtt");
        assertEquals("webvtt", parsed.demuxer());
        assertEquals("webvtt", parsed.codec());
        assertCues(parsed.cues());
    }

    @Test
    void ffmpegsSrtDemuxerReadsEveryCue() throws Exception {
        FfmpegSubtitles.Parsed parsed = exportAndParse(ExportFormat.SRT, "notes.srt");
        assertEquals("srt", parsed.demuxer());
        assertEquals("subrip", parsed.codec());
        assertCues(parsed.cues());
    }

    @Test
    void webVttEscapesMarkupAndKeepsArrowsAndBlankLinesOutOfCueText() throws Exception {
        Annotation original = ExportFixtures.annotations().get(3);
        Annotation hostile = new Annotation(original.id(), original.footageId(), original.footageSha256(), original.span(),
                "<b>shouted</b> & then --> silence\n\nsecond paragraph", null, null, List.of(), null,
                original.finding(), original.author(), original.role(), original.createdAt(), null);
        Path file = folder.resolve("notes.vtt");
        new Exporter((footage, frame) -> null).export(ExportFormat.VTT,
                ExportFixtures.evidence(ExportFixtures.footage(), List.of(hostile)), file, ExportFixtures.options(),
                ExportMonitor.NONE);
        String text = Files.readString(file);
        assertTrue(text.startsWith("WEBVTT\n\nNOTE\n"), text);
        assertEquals(1, text.split(" --> ", -1).length - 1, "only the timing line holds an arrow");
        List<FfmpegSubtitles.Cue> cues = FfmpegSubtitles.read(file).cues();
        assertEquals(1, cues.size());
        assertEquals("[Note] frame 0\n&lt;b&gt;shouted&lt;/b&gt; &amp; then -&gt; silence\nsecond paragraph", cues.get(0).text());
    }
}
