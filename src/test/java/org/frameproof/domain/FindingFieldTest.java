package org.frameproof.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FindingFieldTest {
    /** A value of the field's type that no other field holds. */
    private static Object sample(FindingField field) {
        return switch (field.type()) {
            case TEXT -> "text of " + field.key();
            case COUNT -> field.ordinal() + 3;
            case LATITUDE -> 10.0 + field.ordinal();
            case LONGITUDE -> 100.0 + field.ordinal();
            case TEXT_LIST -> List.of("first " + field.key(), "second " + field.key());
        };
    }

    @Test
    void eachFieldReadsBackWhatTheDraftSetIntoItsOwnRecordComponent() {
        for (AnnotationKind kind : AnnotationKind.values()) {
            FindingDraft draft = new FindingDraft(kind);
            FindingField.of(kind).forEach(field -> draft.set(field, sample(field)));
            Finding built = draft.build();
            assertEquals(kind, built.kind());
            for (FindingField field : FindingField.of(kind)) {
                assertEquals(sample(field), field.valueOf(built), field.key());
            }
            // Every component of the record is a declared field, in the record's order.
            assertEquals(built.getClass().getRecordComponents().length, FindingField.of(kind).size(), kind.code());
        }
    }

    @Test
    void anEmptyDraftHasNoValuesAndEmptyLists() {
        for (AnnotationKind kind : AnnotationKind.values()) {
            Finding empty = FindingDraft.empty(kind);
            for (FindingField field : FindingField.of(kind)) {
                Object value = field.valueOf(empty);
                if (field.type() == FindingField.Type.TEXT_LIST) {
                    assertEquals(List.of(), value, field.key());
                } else {
                    assertNull(value, field.key());
                }
            }
        }
        assertEquals(new Finding.Note(null), FindingDraft.empty(AnnotationKind.NOTE));
    }

    @Test
    void aDraftRefusesAFieldOfAnotherKindAndAValueOfAnotherType() {
        FindingDraft injury = new FindingDraft(AnnotationKind.INJURY);
        assertThrows(IllegalArgumentException.class, () -> injury.set(FindingField.PLACE, "Hadrut"));
        assertThrows(IllegalArgumentException.class, () -> injury.set(FindingField.COUNT, "two"));
        assertThrows(IllegalArgumentException.class,
                () -> FindingField.PLACE.valueOf(new Finding.Note("speech")));
    }

    @Test
    void keysLabelsAndOptionsAreUniqueSoThatReadersCanFindAFieldByThem() {
        List<FindingField> all = Arrays.asList(FindingField.values());
        assertEquals(all.size(), unique(all.stream().map(FindingField::key).toList()));
        assertEquals(all.size(), unique(all.stream().map(FindingField::label).toList()));
        List<String> options = all.stream().filter(field -> field.cli() != null).map(field -> field.cli().option()).toList();
        assertEquals(options.size(), unique(options));
        for (FindingField field : all) {
            assertEquals(field, FindingField.withLabel(field.label()));
        }
        assertNull(FindingField.withLabel("Kind"));
    }

    @Test
    void everyFieldIsOnTheFormAndTheCommandLine() {
        for (FindingField field : FindingField.values()) {
            assertNotNull(field.form(), field.key());
            assertNotNull(field.cli(), field.key());
            if (field.vocabulary() != null) {
                assertEquals(FindingField.Type.TEXT, field.type(), field.key() + " offers a list of texts");
            }
            if (field.type() == FindingField.Type.COUNT) {
                assertNotNull(field.unit(), field.key());
            }
        }
        assertEquals("Uniform: the basis of that claim.", FindingField.CLAIM_BASIS.cliHelp());
    }

    private static int unique(List<String> names) {
        Set<String> set = new HashSet<>(names);
        assertTrue(set.size() <= names.size());
        return set.size();
    }
}
