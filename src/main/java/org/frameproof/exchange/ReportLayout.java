package org.frameproof.exchange;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.frameproof.domain.VisibleText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flows text and images down A4 pages in one embedded font (DejaVu Sans: Latin, Cyrillic,
 * Armenian, Arabic letters), breaking lines at spaces and pages where a block does not fit.
 *
 * <p>Right-to-left runs are put in visual order with {@link Bidi}, but PDFBox does not shape
 * Arabic: its letters print in their isolated forms, not joined. A character the font lacks
 * prints as "?" rather than failing the report.
 */
final class ReportLayout implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReportLayout.class);

    static final float MARGIN = 50;
    private static final float FOOTER = 30;
    private static final PDRectangle SIZE = PDRectangle.A4;
    private static final Color HEAD_COLOUR = new Color(160, 0, 0);

    private final PDDocument document;
    private final TrueTypeFont fontFile;
    private final PDType0Font font;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private final Set<String> headNotices = new LinkedHashSet<>();
    private final Map<Integer, Set<String>> pageHeads = new TreeMap<>();
    private PDPageContentStream content;
    private float y;

    ReportLayout(PDDocument document) throws IOException {
        this.document = document;
        try (InputStream in = ReportLayout.class.getResourceAsStream("fonts/DejaVuSans.ttf")) {
            if (in == null) {
                throw new IOException("The report font fonts/DejaVuSans.ttf is missing from the application");
            }
            fontFile = new TTFParser().parse(new RandomAccessReadBuffer(in));
        }
        // Without glyph substitution "fi" stays two letters, so a search for "verified" finds it.
        fontFile.setEnableGsub(false);
        font = PDType0Font.load(document, fontFile, true);
        newPage();
    }

    PDDocument document() {
        return document;
    }

    float width() {
        return SIZE.getWidth() - 2 * MARGIN;
    }

    void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(SIZE);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = SIZE.getHeight() - MARGIN;
        noteHead();
    }

    /**
     * Until {@link #endHeadNotice()}, every page that content reaches (this one and any it flows
     * onto) carries {@code notice} in red at its head, so that no page shows it without it.
     */
    void headNotice(String notice) {
        headNotices.add(notice);
        noteHead();
    }

    void endHeadNotice() {
        headNotices.clear();
    }

    private void noteHead() {
        if (!headNotices.isEmpty()) {
            pageHeads.computeIfAbsent(document.getNumberOfPages() - 1, page -> new LinkedHashSet<>()).addAll(headNotices);
        }
    }

    /** Starts a new page unless {@code height} more points fit on this one. */
    void keep(float height) throws IOException {
        if (y - height < MARGIN + FOOTER) {
            newPage();
        }
    }

    void space(float points) {
        y -= points;
    }

    /** Text in paragraphs (one per line break), wrapped to the page width. */
    void text(String text, float size, Color colour) throws IOException {
        for (String paragraph : printableText(text).split("\n", -1)) {
            for (String line : wrap(paragraph, size, width())) {
                keep(size * 1.35f);
                y -= size * 1.35f;
                content.beginText();
                content.setNonStrokingColor(colour);
                content.setFont(font, size);
                content.newLineAtOffset(MARGIN, y + size * 0.3f);
                content.showText(visualOrder(line));
                content.endText();
            }
        }
    }

    void text(String text, float size) throws IOException {
        text(text, size, Color.BLACK);
    }

    /** An image at most {@code maxWidth} by {@code maxHeight} points, its aspect kept, enlarged at most {@code maxZoom} times. */
    void image(PDImageXObject image, float maxWidth, float maxHeight, float maxZoom) throws IOException {
        float scale = scale(image, maxWidth, maxHeight, maxZoom);
        float width = image.getWidth() * scale;
        float height = image.getHeight() * scale;
        keep(height + 4);
        y -= height + 4;
        content.drawImage(image, MARGIN, y, width, height);
    }

    /**
     * A caption line of {@code size} and the image below it, on the same page: a still is never
     * separated from the line that says which frame it is.
     */
    void captionedImage(String caption, float size, Color colour, PDImageXObject image, float maxWidth, float maxHeight,
            float maxZoom) throws IOException {
        keep(size * 1.35f + imageHeight(image, maxWidth, maxHeight, maxZoom));
        text(caption, size, colour);
        image(image, maxWidth, maxHeight, maxZoom);
    }

    /** The height {@link #text} takes for this text. */
    float textHeight(String text, float size) throws IOException {
        int lines = 0;
        for (String paragraph : printableText(text).split("\n", -1)) {
            lines += wrap(paragraph, size, width()).size();
        }
        return lines * size * 1.35f;
    }

    /** The height {@link #image} takes for this image. */
    float imageHeight(PDImageXObject image, float maxWidth, float maxHeight, float maxZoom) {
        return image.getHeight() * scale(image, maxWidth, maxHeight, maxZoom) + 4;
    }

    /** The height there is for content on an empty page. */
    float pageHeight() {
        return SIZE.getHeight() - 2 * MARGIN - FOOTER;
    }

    private static float scale(PDImageXObject image, float maxWidth, float maxHeight, float maxZoom) {
        return Math.min(maxZoom, Math.min(maxWidth / image.getWidth(), maxHeight / image.getHeight()));
    }

    /** Writes "Page N of M" and a line about the report at the foot of every page. */
    void finish(String footer) throws IOException {
        content.close();
        content = null;
        printHeads();
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            try (PDPageContentStream foot = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                foot.beginText();
                foot.setNonStrokingColor(Color.DARK_GRAY);
                foot.setFont(font, 8);
                foot.newLineAtOffset(MARGIN, MARGIN - 10);
                String pageText = "Page " + (i + 1) + " of " + pages;
                foot.showText(visualOrder(printableText(pageText + "   " + footer)));
                foot.endText();
            }
        }
    }

    private void printHeads() throws IOException {
        for (Map.Entry<Integer, Set<String>> head : pageHeads.entrySet()) {
            try (PDPageContentStream top = new PDPageContentStream(document, document.getPage(head.getKey()),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                float line = SIZE.getHeight() - MARGIN / 2;
                for (String text : wrap(printableText(String.join("; ", head.getValue())), 8, width())) {
                    top.beginText();
                    top.setNonStrokingColor(HEAD_COLOUR);
                    top.setFont(font, 8);
                    top.newLineAtOffset(MARGIN, line);
                    top.showText(visualOrder(text));
                    top.endText();
                    line -= 10;
                }
            }
        }
    }

    /** Closes the font file; call it after the document is saved, which embeds the font's subset. */
    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
        }
        fontFile.close();
    }

    private List<String> wrap(String paragraph, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (textWidth(candidate, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            // A word wider than the page (a hash, a long path) is broken between characters.
            for (int offset = 0; offset < word.length(); ) {
                int next = word.offsetByCodePoints(offset, 1);
                if (line.length() > 0 && textWidth(line + word.substring(offset, next), size) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(word, offset, next);
                offset = next;
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private float textWidth(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /**
     * Keeps what the font can print: tabs become spaces, line breaks stay, other control characters
     * (bidirectional overrides too, so they cannot reorder a line) are written as visible escapes,
     * and missing glyphs as "?".
     */
    private String printableText(String text) {
        StringBuilder printed = new StringBuilder(text.length());
        String lines = text.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ');
        String visible = String.join("\n", Arrays.stream(lines.split("\n", -1)).map(VisibleText::escape).toList());
        visible.codePoints().forEach(c -> {
            if (c == '\n' || printable.computeIfAbsent(c, this::hasGlyph)) {
                printed.appendCodePoint(c);
            } else {
                printed.append('?');
            }
        });
        return printed.toString();
    }

    private boolean hasGlyph(int codePoint) {
        if (Character.isISOControl(codePoint)) {
            return false;
        }
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            // The character itself is never logged: it is part of what a reviewer wrote.
            LOG.debug("The report's font has no glyph for a character; it is printed escaped", e);
            return false;
        }
    }

    /** The line as it is seen: right-to-left runs reversed and placed by the Unicode bidi algorithm. */
    static String visualOrder(String line) {
        if (!Bidi.requiresBidi(line.toCharArray(), 0, line.length())) {
            return line;
        }
        Bidi bidi = new Bidi(line, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        int runs = bidi.getRunCount();
        byte[] levels = new byte[runs];
        String[] texts = new String[runs];
        for (int i = 0; i < runs; i++) {
            String run = line.substring(bidi.getRunStart(i), bidi.getRunLimit(i));
            levels[i] = (byte) bidi.getRunLevel(i);
            texts[i] = levels[i] % 2 == 1 ? new StringBuilder(run).reverse().toString() : run;
        }
        Bidi.reorderVisually(levels, 0, texts, 0, runs);
        return String.join("", texts);
    }
}
