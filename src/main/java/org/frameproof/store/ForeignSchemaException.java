package org.frameproof.store;

import java.nio.file.Path;

/** A database file holds a schema object that Frameproof did not create; the file was not opened. */
public final class ForeignSchemaException extends StoreException {
    private final String kind;
    private final String name;

    ForeignSchemaException(Path file, String kind, String name) {
        super("The database file " + file + " carries a " + kind + " that Frameproof did not create (" + name
                + "); it was not opened.");
        this.kind = kind;
        this.name = name;
    }

    /** "trigger", "function", "table" and so on. */
    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }
}
