package org.frameproof.store;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.engine.DbObject;

/**
 * One object of a database schema as H2 stores it: its type (H2's {@link DbObject} numbers) and
 * the SQL that re-creates it when the file is opened.
 */
record SchemaObject(int type, String sql) {
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\"[^\"]*\"\\.\"([^\"]*)\"");
    /**
     * Names H2 makes up itself, which differ from store to store for the same migrations (and
     * again after a compaction): identity sequences, and the names of indexes and constraints,
     * which run nothing themselves.
     */
    private static final Pattern GENERATED_SEQUENCE = Pattern.compile("SYSTEM_SEQUENCE_[0-9A-F_]+");
    private static final Pattern INDEX_OR_CONSTRAINT_NAME = Pattern.compile("(INDEX|CONSTRAINT|PRIMARY KEY) (\"[^\"]*\")\\.\"[^\"]*\"");
    /** Which index backs a constraint: named when it was created, left to H2 after a compaction. */
    private static final Pattern BACKING_INDEX = Pattern.compile(" INDEX \"[^\"]*\"\\.\"[^\"]*\"");
    /** An identity's next value, which moves with every row added. */
    private static final Pattern RESTART = Pattern.compile(" RESTART WITH -?[0-9]+");
    /**
     * A column's selectivity, which H2 keeps in the table's SQL when it analyses the table by
     * itself (after a couple of thousand rows changed): a number for the query planner, nothing run.
     */
    private static final Pattern SELECTIVITY = Pattern.compile(" SELECTIVITY [0-9]+");

    /**
     * Whether H2 never runs or evaluates anything of it: users, roles, grants and comments (a
     * user row holds a salted password hash that differs in every store).
     */
    boolean holdsNothingToRun() {
        return type == DbObject.USER || type == DbObject.ROLE || type == DbObject.RIGHT || type == DbObject.COMMENT;
    }

    /** Whether it is Java code or names a class: a trigger, a function or an aggregate function. */
    boolean isCode() {
        return type == DbObject.TRIGGER || type == DbObject.FUNCTION_ALIAS || type == DbObject.AGGREGATE;
    }

    /** The SQL with H2's generated names, the identities' next values and the selectivities left out, for comparing schemas. */
    String shape() {
        String shape = type == DbObject.CONSTRAINT ? BACKING_INDEX.matcher(sql).replaceAll("") : sql;
        shape = GENERATED_SEQUENCE.matcher(shape).replaceAll("SYSTEM_SEQUENCE");
        shape = INDEX_OR_CONSTRAINT_NAME.matcher(shape).replaceAll("$1 $2.*");
        shape = SELECTIVITY.matcher(shape).replaceAll("");
        return type + ":" + RESTART.matcher(shape).replaceAll("");
    }

    /** What a reviewer would call it: "trigger", "function", "table" and so on. */
    String kind() {
        return switch (type) {
            case DbObject.TABLE_OR_VIEW -> sql.matches("(?s)CREATE (FORCE )?VIEW.*") ? "view" : "table";
            case DbObject.INDEX -> "index";
            case DbObject.SEQUENCE -> "sequence";
            case DbObject.TRIGGER -> "trigger";
            case DbObject.CONSTRAINT -> "constraint";
            case DbObject.SETTING -> "setting";
            case DbObject.FUNCTION_ALIAS -> "function";
            case DbObject.SCHEMA -> "schema";
            case DbObject.CONSTANT -> "constant";
            case DbObject.DOMAIN -> "domain";
            case DbObject.AGGREGATE -> "aggregate function";
            case DbObject.SYNONYM -> "synonym";
            default -> "schema object";
        };
    }

    /** The object's own name (for a constraint, the constraint's and not its table's). */
    String name() {
        if (type == DbObject.SETTING) {
            String[] words = sql.split(" ", 3);
            return words.length > 1 ? words[1] : sql;
        }
        Matcher names = QUALIFIED_NAME.matcher(sql);
        String name = null;
        for (int found = 0; names.find() && found < (type == DbObject.CONSTRAINT ? 2 : 1); found++) {
            name = names.group(1);
        }
        return name != null ? name : sql.substring(0, Math.min(sql.length(), 60));
    }
}
