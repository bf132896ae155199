package org.frameproof.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A finding of one kind being put together field by field, as a form, an option list or an import
 * reads it; {@link #build()} makes the record. Fields not set are empty (null, or no items for a
 * list).
 */
public final class FindingDraft {
    private final AnnotationKind kind;
    private final Map<FindingField, Object> values = new EnumMap<>(FindingField.class);

    public FindingDraft(AnnotationKind kind) {
        this.kind = kind;
    }

    /**
     * Sets one field of this draft's kind.
     *
     * @param value of the Java type the field's {@link FindingField#type()} names, or null
     * @throws IllegalArgumentException for a field of another kind or a value of another type
     */
    public FindingDraft set(FindingField field, Object value) {
        if (field.kind() != kind) {
            throw new IllegalArgumentException(field.key() + " is a field of " + field.kind().code() + ", not of "
                    + kind.code());
        }
        if (value != null && !javaType(field.type()).isInstance(value)) {
            throw new IllegalArgumentException(field.key() + " holds " + field.type() + ", not " + value.getClass());
        }
        values.put(field, value);
        return this;
    }

    /** The record, with its components in the order {@link Finding} declares them. */
    public Finding build() {
        return switch (kind) {
            case INJURY -> new Finding.Injury(text(FindingField.BODY_REGION), text(FindingField.INJURY_TYPE),
                    (Integer) values.get(FindingField.COUNT), text(FindingField.TIMING),
                    text(FindingField.CONSISTENT_WITH));
            case LOCATION -> new Finding.Location(text(FindingField.PLACE), (Double) values.get(FindingField.LATITUDE),
                    (Double) values.get(FindingField.LONGITUDE), text(FindingField.PRECISION),
                    text(FindingField.METHOD), texts(FindingField.LANDMARKS));
            case UNIFORM -> new Finding.Uniform(text(FindingField.CAMOUFLAGE), text(FindingField.INSIGNIA),
                    text(FindingField.ARMBAND), text(FindingField.ARMBAND_COLOUR), text(FindingField.HEADGEAR),
                    text(FindingField.WEAPONS), text(FindingField.VEHICLES), text(FindingField.CLAIMED_FORCE),
                    text(FindingField.CLAIM_BASIS));
            case NOTE -> new Finding.Note(text(FindingField.CATEGORY));
        };
    }

    /** The empty finding of {@code kind}: what keys 1-4 create before the reviewer types. */
    public static Finding empty(AnnotationKind kind) {
        return new FindingDraft(kind).build();
    }

    private String text(FindingField field) {
        return (String) values.get(field);
    }

    @SuppressWarnings("unchecked")
    private List<String> texts(FindingField field) {
        Object list = values.get(field);
        return list == null ? List.of() : (List<String>) list;
    }

    private static Class<?> javaType(FindingField.Type type) {
        return switch (type) {
            case TEXT -> String.class;
            case COUNT -> Integer.class;
            case LATITUDE, LONGITUDE -> Double.class;
            case TEXT_LIST -> List.class;
        };
    }
}
