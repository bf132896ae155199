package org.frameproof.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.FindingField;
import org.junit.jupiter.api.Test;

/** Every export takes a finding's fields from {@link FindingField}: its order, keys and labels. */
class FindingFieldReadersTest {
    @Test
    void theCsvHeaderHasAColumnForEveryDeclaredFieldInDeclaredOrder() {
        List<String> header = CsvExport.header();
        List<String> expected = new ArrayList<>();
        for (FindingField field : FindingField.values()) {
            expected.add(field.key());
        }
        int first = header.indexOf("unsealReason") + 1;
        assertEquals(expected, header.subList(first, first + expected.size()));
        assertEquals("imported", header.get(first + expected.size()));
    }

    @Test
    void eachJsonObjectEndsWithItsKindsDeclaredFields() {
        AnnotationJson json = new AnnotationJson(new ObjectMapper());
        for (Annotation annotation : ExportFixtures.annotations()) {
            ObjectNode written = json.write(annotation, null);
            List<String> names = new ArrayList<>();
            written.fieldNames().forEachRemaining(names::add);
            List<String> keys = FindingField.of(annotation.kind()).stream().map(FindingField::key).toList();
            assertEquals(keys, names.subList(names.size() - keys.size(), names.size()), annotation.kind().code());
        }
    }

    @Test
    void theLinesOfTheTextFormatsAreLabelledByTheDeclaration() {
        for (Annotation annotation : ExportFixtures.annotations()) {
            List<String> labels = FindingText.describe(annotation.finding()).stream()
                    .map(line -> line.substring(0, line.indexOf(": "))).toList();
            List<String> declared = FindingField.of(annotation.kind()).stream()
                    .filter(field -> FindingText.display(field.valueOf(annotation.finding())) != null)
                    .map(FindingField::label).toList();
            assertEquals(declared, labels, annotation.kind().code());
        }
        // The fixtures fill every field of an injury and a uniform, so none is left out above.
        assertEquals(FindingField.of(ExportFixtures.annotations().get(0).kind()).size(),
                FindingText.describe(ExportFixtures.annotations().get(0).finding()).size());
        assertEquals(FindingField.of(ExportFixtures.annotations().get(2).kind()).size(),
                FindingText.describe(ExportFixtures.annotations().get(2).finding()).size());
    }
}
