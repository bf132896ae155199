package org.frameproof.evidence.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.frameproof.domain.UserFacingException;

/**
 * One record as an audit entry keeps it: named fields in a fixed order, encoded as compact JSON
 * that begins with the encoding's version ({@code "v":2}). The entry's hash covers these bytes as
 * stored, so the encoding of a record must never change once written: a new field or name is a
 * new version, with its own reading in {@link #fields}.
 *
 * <p>Entries written before this encoding hold the export format's JSON of the time (no {@code v}).
 * Version 1 kept those names and values, so both read the same
 * ({@code docs/decisions/0006-audit-records-have-their-own-encoding.md}). Version 2 moved an
 * annotation's review out of the injury's fields and added its review state
 * ({@code docs/decisions/0012-review-states.md}); {@link AuditedRecords#asCurrent} reads version 1
 * in version 2's names.
 */
public final class AuditRecord {
    /** The version every new entry is written in. */
    public static final int VERSION = 2;
    /** The earliest version with a {@code v} field; entries without one read as it. */
    static final int FIRST_VERSION = 1;
    private static final String VERSION_FIELD = "v";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode fields;

    private AuditRecord(ObjectNode fields) {
        this.fields = fields;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The bytes an entry stores: {@code {"v":2,...fields in order}}, compact UTF-8 JSON. */
    public String encoded() {
        ObjectNode versioned = JSON.createObjectNode().put(VERSION_FIELD, VERSION);
        versioned.setAll(fields);
        try {
            return JSON.writeValueAsString(versioned);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of text, numbers and lists always writes as JSON", e);
        }
    }

    /**
     * The fields an entry recorded, without the version, as the entry holds them (what a signature
     * covers); {@link AuditedRecords#asCurrent} reads them in the current version's names.
     *
     * @throws UserFacingException when the entry holds no JSON object, or a version this Frameproof does not know
     */
    public static ObjectNode fields(String stored) throws UserFacingException {
        return versioned(stored).fields;
    }

    /** The version an entry was written in (1 for one written before versions). */
    static int version(String stored) throws UserFacingException {
        return versioned(stored).version;
    }

    private record Versioned(int version, ObjectNode fields) {
    }

    private static Versioned versioned(String stored) throws UserFacingException {
        JsonNode tree;
        try {
            tree = JSON.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new UserFacingException("An audit entry holds a record that is not JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new UserFacingException("An audit entry holds a record that is not a JSON object.");
        }
        ObjectNode record = (ObjectNode) tree;
        JsonNode version = record.remove(VERSION_FIELD);
        int number = version == null ? FIRST_VERSION : version.asInt();
        if (version != null && !version.isIntegralNumber() || number < FIRST_VERSION || number > VERSION) {
            throw new UserFacingException("An audit entry holds a record in encoding version " + version
                    + ", which this Frameproof cannot read; use a newer Frameproof.");
        }
        return new Versioned(number, record);
    }

    /** This record's fields as {@link #fields(String)} reads them back from the entry. */
    public ObjectNode fields() throws UserFacingException {
        return fields(encoded());
    }

    @Override
    public String toString() {
        return encoded();
    }

    /** Adds fields in the order they are encoded; a null value is recorded as null. */
    public static final class Builder {
        private final ObjectNode fields = JSON.createObjectNode();

        private Builder() {
        }

        public Builder text(String name, String value) {
            fields.put(name, value);
            return this;
        }

        /** A whole number (Integer or Long), or null. */
        public Builder number(String name, Number value) {
            if (value == null) {
                fields.putNull(name);
            } else if (value instanceof Integer || value instanceof Long) {
                fields.put(name, value.longValue());
            } else {
                throw new IllegalArgumentException(name + " is not a whole number: " + value);
            }
            return this;
        }

        public Builder decimal(String name, Double value) {
            fields.put(name, value);
            return this;
        }

        public Builder flag(String name, Boolean value) {
            fields.put(name, value);
            return this;
        }

        public Builder texts(String name, List<String> values) {
            ArrayNode array = fields.putArray(name);
            values.forEach(array::add);
            return this;
        }

        public Builder numbers(String name, List<Long> values) {
            ArrayNode array = fields.putArray(name);
            values.forEach(array::add);
            return this;
        }

        /** A record inside this one (it carries no version of its own), or null. */
        public Builder record(String name, AuditRecord value) {
            if (value == null) {
                fields.putNull(name);
            } else {
                fields.set(name, value.fields.deepCopy());
            }
            return this;
        }

        public AuditRecord build() {
            return new AuditRecord(fields.deepCopy());
        }
    }
}
