package org.frameproof.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.UserFacingException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * ELAN Annotation Format 3.0: one tier per kind of finding (injury, location, uniform, note),
 * one time-aligned annotation per finding, times in milliseconds since the first frame, and the
 * vault copy of the footage as the linked media file. Header properties give the footage's
 * re-hash for this export; when it failed, every annotation's value starts by saying so.
 *
 * <p>ELAN cannot show an annotation of zero length, so a one-frame annotation lasts one frame
 * ({@link ExportedFootage#frameDurationMs()}); a range ends where its last frame stops showing.
 */
final class EafExport {
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String LINGUISTIC_TYPE = "finding";

    private EafExport() {
    }

    static void write(EvidenceExport input, ExportOptions options, OutputStream out) throws IOException, UserFacingException {
        ExportedFootage footage = input.singleFootage(ExportFormat.EAF);
        Document document = newDocument();
        Element root = document.createElement("ANNOTATION_DOCUMENT");
        document.appendChild(root);
        root.setAttribute("AUTHOR", XmlText.clean(options.exportedBy()));
        root.setAttribute("DATE", options.generatedAt().toString());
        root.setAttribute("FORMAT", "3.0");
        root.setAttribute("VERSION", "3.0");
        root.setAttributeNS(XSI, "xsi:noNamespaceSchemaLocation", "http://www.mpi.nl/tools/elan/EAFv3.0.xsd");

        Element header = child(root, "HEADER");
        header.setAttribute("MEDIA_FILE", "");
        header.setAttribute("TIME_UNITS", "milliseconds");
        Element media = child(header, "MEDIA_DESCRIPTOR");
        media.setAttribute("MEDIA_URL", footage.mediaFile().toAbsolutePath().toUri().toString());
        media.setAttribute("MIME_TYPE", footage.mimeType() == null ? "video/*" : footage.mimeType());
        property(header, "URN", "urn:nl-mpi-tools-elan-eaf:" + UUID.nameUUIDFromBytes(
                (footage.sha256() + "|" + options.generatedAt()).getBytes(StandardCharsets.UTF_8)));
        property(header, "frameproof.footageSha256", footage.sha256());
        property(header, "frameproof.footageName", XmlText.clean(footage.originalName()));
        property(header, "frameproof.footageSha256Check", footage.verification().result());
        property(header, "frameproof.footageSha256CheckedAt", String.valueOf(footage.verification().checkedAt()));
        if (options.auditHead() != null) {
            property(header, "frameproof.auditChainHead", options.auditHead());
        }
        if (options.demo()) {
            property(header, "frameproof.demo", ExportOptions.DEMO_NOTICE);
        }
        property(header, "lastUsedAnnotationId", String.valueOf(input.annotations().size()));

        Element timeOrder = child(root, "TIME_ORDER");
        List<Element> tiers = new ArrayList<>();
        for (AnnotationKind kind : AnnotationKind.values()) {
            Element tier = document.createElement("TIER");
            tier.setAttribute("LINGUISTIC_TYPE_REF", LINGUISTIC_TYPE);
            tier.setAttribute("TIER_ID", kind.code());
            tiers.add(tier);
        }
        int slot = 0;
        int id = 0;
        for (Annotation annotation : input.annotations()) {
            String start = "ts" + (++slot);
            timeSlot(timeOrder, start, footage.startMillis(annotation.span()));
            String end = "ts" + (++slot);
            timeSlot(timeOrder, end, footage.endMillis(annotation.span()));
            Element aligned = child(child(tiers.get(annotation.kind().ordinal()), "ANNOTATION"), "ALIGNABLE_ANNOTATION");
            aligned.setAttribute("ANNOTATION_ID", "a" + (++id));
            aligned.setAttribute("TIME_SLOT_REF1", start);
            aligned.setAttribute("TIME_SLOT_REF2", end);
            child(aligned, "ANNOTATION_VALUE").setTextContent(XmlText.clean(
                    (footage.failedCheck() ? footage.failureNotice() + " | " : "") + value(annotation)));
        }
        tiers.forEach(root::appendChild);
        Element type = child(root, "LINGUISTIC_TYPE");
        type.setAttribute("GRAPHIC_REFERENCES", "false");
        type.setAttribute("LINGUISTIC_TYPE_ID", LINGUISTIC_TYPE);
        type.setAttribute("TIME_ALIGNABLE", "true");
        write(document, out);
    }

    /** What ELAN shows in the annotation: the observation first, then the rest for the record. */
    static String value(Annotation annotation) {
        List<String> parts = new ArrayList<>();
        parts.add(annotation.observation());
        if (!FindingText.blank(annotation.interpretation())) {
            parts.add("Interpretation: " + annotation.interpretation());
        }
        parts.add(annotation.span().isPoint() ? "Frame " + annotation.span().startFrame()
                : "Frames " + annotation.span().startFrame() + "-" + annotation.span().endFrame());
        parts.addAll(FindingText.describe(annotation.finding()));
        parts.addAll(FindingText.reviewLines(annotation));
        if (!annotation.tags().isEmpty()) {
            parts.add("Tags: " + String.join(", ", annotation.tags()));
        }
        parts.add("By " + annotation.author() + " (" + annotation.role().label() + ")");
        parts.addAll(FindingText.importLines(annotation));
        parts.add("id " + annotation.id());
        return String.join(" | ", parts);
    }

    private static Document newDocument() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try {
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser is not configurable", e);
        }
    }

    private static Element child(Element parent, String name) {
        Element element = parent.getOwnerDocument().createElement(name);
        parent.appendChild(element);
        return element;
    }

    private static void property(Element header, String name, String value) {
        Element property = child(header, "PROPERTY");
        property.setAttribute("NAME", name);
        property.setTextContent(value);
    }

    private static void timeSlot(Element timeOrder, String id, long millis) {
        Element slot = child(timeOrder, "TIME_SLOT");
        slot.setAttribute("TIME_SLOT_ID", id);
        slot.setAttribute("TIME_VALUE", String.valueOf(millis));
    }

    private static void write(Document document, OutputStream out) throws IOException {
        TransformerFactory factory = TransformerFactory.newInstance();
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        try {
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "4");
            document.setXmlStandalone(true);
            transformer.transform(new DOMSource(document), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IOException("Writing the XML failed: " + e.getMessage(), e);
        }
    }
}
