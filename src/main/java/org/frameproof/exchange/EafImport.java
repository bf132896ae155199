package org.frameproof.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.FrameIndex;
import org.frameproof.domain.FrameSpan;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Role;
import org.frameproof.domain.Timecode;
import org.frameproof.domain.UserFacingException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the time-aligned annotations of an ELAN {@code .eaf} file (any tool's, not only ours) so
 * that each becomes a note on the footage: the tier's name is the note's category, the
 * annotation's text its observation. Symbolic annotations (no time of their own) take their
 * parent's times; annotations on unaligned time slots have no time and are left out.
 */
public final class EafImport {
    /** Deeper than an ELAN document nests (document, tier, annotation, value). */
    static final int MAX_NESTING = 32;

    private EafImport() {
    }

    /** One annotation of the file, with its times in milliseconds. */
    public record Segment(String tier, long startMs, long endMs, String text) {
    }

    /**
     * @param mediaUrls the media files the document links
     * @param skipped annotations left out because no time could be found for them
     */
    public record EafDocument(List<String> mediaUrls, List<Segment> segments, int skipped) {
    }

    /** Reads a file within the default limits. */
    public static EafDocument read(Path file) throws UserFacingException {
        return read(AnnotationFile.read(file, ImportLimits.DEFAULT), ImportLimits.DEFAULT);
    }

    /**
     * @throws UserFacingException when the file is not an ELAN document, declares a DOCTYPE, nests
     *     too deep, or holds more annotations than the limit
     */
    public static EafDocument read(AnnotationFile file, ImportLimits limits) throws UserFacingException {
        String name = file.name();
        Document document = parse(file);
        Element root = document.getDocumentElement();
        if (root.getElementsByTagName("ANNOTATION").getLength() > limits.maxAnnotations()) {
            throw limits.tooMany(name);
        }
        if (!"ANNOTATION_DOCUMENT".equals(root.getTagName())) {
            throw new UserFacingException(name + " is not an ELAN document (its root is <" + root.getTagName() + ">).");
        }
        if ("relative".equalsIgnoreCase(first(root, "HEADER").getAttribute("TIME_UNITS"))) {
            throw new UserFacingException(name + " counts time in NTSC or PAL frames, not milliseconds; save it from ELAN with milliseconds.");
        }
        Map<String, Long> slots = new HashMap<>();
        NodeList slotElements = root.getElementsByTagName("TIME_SLOT");
        for (int i = 0; i < slotElements.getLength(); i++) {
            Element slot = (Element) slotElements.item(i);
            if (!slot.getAttribute("TIME_VALUE").isEmpty()) {
                slots.put(slot.getAttribute("TIME_SLOT_ID"), millis(slot.getAttribute("TIME_VALUE"), name));
            }
        }
        Map<String, long[]> times = new HashMap<>();
        NodeList aligned = root.getElementsByTagName("ALIGNABLE_ANNOTATION");
        for (int i = 0; i < aligned.getLength(); i++) {
            Element annotation = (Element) aligned.item(i);
            Long start = slots.get(annotation.getAttribute("TIME_SLOT_REF1"));
            Long end = slots.get(annotation.getAttribute("TIME_SLOT_REF2"));
            if (start != null && end != null) {
                times.put(annotation.getAttribute("ANNOTATION_ID"), new long[] {start, Math.max(start, end)});
            }
        }
        Map<String, String> parents = new HashMap<>();
        NodeList references = root.getElementsByTagName("REF_ANNOTATION");
        for (int i = 0; i < references.getLength(); i++) {
            Element reference = (Element) references.item(i);
            parents.put(reference.getAttribute("ANNOTATION_ID"), reference.getAttribute("ANNOTATION_REF"));
        }

        List<Segment> segments = new ArrayList<>();
        int skipped = 0;
        NodeList tiers = root.getElementsByTagName("TIER");
        for (int t = 0; t < tiers.getLength(); t++) {
            Element tier = (Element) tiers.item(t);
            NodeList annotations = tier.getElementsByTagName("ANNOTATION");
            for (int a = 0; a < annotations.getLength(); a++) {
                Element inner = firstElement((Element) annotations.item(a));
                long[] span = inner == null ? null : timesOf(inner.getAttribute("ANNOTATION_ID"), times, parents);
                String text = inner == null ? "" : first(inner, "ANNOTATION_VALUE").getTextContent().strip();
                if (span == null || text.isEmpty()) {
                    skipped++;
                } else {
                    segments.add(new Segment(tier.getAttribute("TIER_ID"), span[0], span[1], text));
                }
            }
        }
        List<String> media = new ArrayList<>();
        NodeList descriptors = root.getElementsByTagName("MEDIA_DESCRIPTOR");
        for (int i = 0; i < descriptors.getLength(); i++) {
            media.add(((Element) descriptors.item(i)).getAttribute("MEDIA_URL"));
        }
        return new EafDocument(media, segments, skipped);
    }

    /**
     * The segments as notes on one footage item, on the frames showing at their times (times
     * count from the footage's first frame, as ELAN plays it).
     *
     * @throws UserFacingException when a segment starts after the footage's last frame
     */
    public static List<Annotation> toNotes(EafDocument document, long footageId, String footageSha256,
            FrameIndex index, String author, Role role, Instant now) throws UserFacingException {
        List<Annotation> notes = new ArrayList<>();
        for (Segment segment : document.segments()) {
            long startMicros = segment.startMs() * 1000;
            if (startMicros > index.spanMicros() + 1_000_000) {
                throw new UserFacingException("The ELAN annotation \"" + shorten(segment.text()) + "\" on tier "
                        + segment.tier() + " starts at " + Timecode.format(startMicros)
                        + ", after the last frame of this footage (" + Timecode.format(index.spanMicros()) + ").");
            }
            notes.add(new Annotation(UUID.randomUUID().toString(), footageId, footageSha256,
                    frames(index, segment.startMs(), segment.endMs()),
                    segment.text(), null, null, List.of(), null, new Finding.Note(segment.tier()), author, role, now, null));
        }
        return notes;
    }

    /**
     * The frames showing from {@code startMs} until {@code endMs} (since the first frame); the end
     * is exclusive, so the last frame is the one showing just before it.
     */
    static FrameSpan frames(FrameIndex index, long startMs, long endMs) {
        int start = index.frameAtRelativeMicros(startMs * 1000);
        int end = Math.max(start, index.frameAtRelativeMicros(endMs * 1000 - 1));
        return FrameSpan.of(index, start, end);
    }

    private static long[] timesOf(String id, Map<String, long[]> times, Map<String, String> parents) {
        String current = id;
        for (int depth = 0; depth < 64 && current != null; depth++) {
            long[] span = times.get(current);
            if (span != null) {
                return span;
            }
            current = parents.get(current);
        }
        return null;
    }

    private static Document parse(AnnotationFile file) throws UserFacingException {
        String name = file.name();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            // No DOCTYPE, no external entities: an .eaf from elsewhere must not read local files or
            // expand entities, and its elements nest no deeper than an ELAN document's do.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setAttribute("jdk.xml.maxElementDepth", String.valueOf(MAX_NESTING));
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // Errors reach the reviewer as one message; the parser's own handler would also print them to stderr.
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(file.open());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser is not configurable", e);
        } catch (SAXException e) {
            if (file.asLatin1().contains("<!DOCTYPE")) {
                throw new UserFacingException(name + " declares a DOCTYPE (entities or outside files), which Frameproof"
                        + " never reads from an imported file; nothing was imported.");
            }
            String line = e instanceof SAXParseException parse ? "line " + parse.getLineNumber() + ": " : "";
            throw new UserFacingException(name + " is not a readable ELAN file: " + line + e.getMessage());
        } catch (IOException e) {
            throw new UserFacingException("Cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private static long millis(String text, String name) throws UserFacingException {
        try {
            long value = Long.parseLong(text.strip());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UserFacingException(name + " has a time slot at '" + text + "', which is not a number of milliseconds.");
        }
    }

    private static Element first(Element parent, String tag) throws UserFacingException {
        NodeList found = parent.getElementsByTagName(tag);
        if (found.getLength() == 0) {
            throw new UserFacingException("The ELAN file has no <" + tag + "> in <" + parent.getTagName() + ">.");
        }
        return (Element) found.item(0);
    }

    private static Element firstElement(Element parent) {
        for (org.w3c.dom.Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                return element;
            }
        }
        return null;
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
