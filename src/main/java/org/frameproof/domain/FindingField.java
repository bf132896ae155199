package org.frameproof.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The kind-specific fields of a finding, declared once: the key exports and JSON use, the label
 * people read, the type of its value, the list a form offers, how to read it from a finding, and
 * how the inspector and {@code annotations add} show it. The inspector's form, the command line's
 * options and every export iterate over these constants in declaration order, so that adding a
 * field here (with its record component and its place in {@link FindingDraft#build()}) puts it
 * everywhere at once. The store's columns are the one place that still names each field.
 */
public enum FindingField {
    BODY_REGION(injury(Finding.Injury::bodyRegion), "bodyRegion", "Body region", Type.TEXT, Vocabulary.BODY_REGION,
            form("Body region"), cli("--body-region", "TEXT", "where on the body (left/right as the victim's).")),
    INJURY_TYPE(injury(Finding.Injury::injuryType), "injuryType", "Injury type", Type.TEXT, Vocabulary.INJURY_TYPE,
            form("Injury type"), cli("--injury-type", "TEXT", "gunshot wound entry/exit, laceration, ...")),
    COUNT(injury(Finding.Injury::count), "count", "Number", Type.COUNT, null, "injuries", form("Number"),
            cli("--count", "N", "how many.")),
    TIMING(injury(Finding.Injury::timing), "timing", "Timing", Type.TEXT, Vocabulary.INJURY_TIMING, form("Timing"),
            cli("--timing", "TEXT", "peri-/post-mortem where known.")),
    CONSISTENT_WITH(injury(Finding.Injury::consistentWith), "consistentWith", "Consistent with", Type.TEXT, null,
            form("Consistent with"), cli("--consistent-with", "TEXT", "the mechanism it is consistent with.")),

    PLACE(location(Finding.Location::placeName), "placeName", "Place", Type.TEXT, null, form("Place"),
            cli("--place", "NAME", "place name.")),
    LATITUDE(location(Finding.Location::latitude), "latitude", "Latitude", Type.LATITUDE, null,
            form("Latitude", "39.7586 or 39°45'31\"N (or paste both)"),
            cli("--lat", "LAT", "latitude, decimal or DMS (39°45'31\"N).")),
    LONGITUDE(location(Finding.Location::longitude), "longitude", "Longitude", Type.LONGITUDE, null,
            form("Longitude", "46.7489 or 46°44'56\"E"), cli("--lon", "LON", "longitude, decimal or DMS.")),
    PRECISION(location(Finding.Location::precision), "precision", "Precision", Type.TEXT, Vocabulary.LOCATION_PRECISION,
            form("Precision"), cli("--precision", "CLASS", "exact (±10 m), vicinity (±100 m), locality (±1 km), region.")),
    METHOD(location(Finding.Location::method), "method", "Method", Type.TEXT, Vocabulary.LOCATION_METHOD,
            form("Method"), cli("--method", "TEXT", "landmarks, signage, terrain, shadows, metadata.")),
    LANDMARKS(location(Finding.Location::landmarks), "landmarks", "Landmarks", Type.TEXT_LIST, null,
            form("Landmarks", "separated by ;"), cli("--landmark", "TEXT", "a landmark seen (repeat for more).")),

    CAMOUFLAGE(uniform(Finding.Uniform::camouflage), "camouflage", "Camouflage", Type.TEXT, Vocabulary.CAMOUFLAGE,
            form("Camouflage"), cli("--camouflage", "TEXT", "camouflage pattern.")),
    INSIGNIA(uniform(Finding.Uniform::insignia), "insignia", "Insignia", Type.TEXT, null, form("Insignia, patches"),
            cli("--insignia", "TEXT", "insignia and patches.")),
    ARMBAND(uniform(Finding.Uniform::armband), "armband", "Armband", Type.TEXT, null, form("Armband"),
            cli("--armband", "TEXT", "armband.")),
    ARMBAND_COLOUR(uniform(Finding.Uniform::armbandColour), "armbandColour", "Armband colour", Type.TEXT,
            Vocabulary.ARMBAND_COLOUR, form("Armband colour"), cli("--armband-colour", "COLOUR", "armband colour.")),
    HEADGEAR(uniform(Finding.Uniform::headgear), "headgear", "Headgear", Type.TEXT, Vocabulary.HEADGEAR,
            form("Headgear"), cli("--headgear", "TEXT", "headgear.")),
    WEAPONS(uniform(Finding.Uniform::weapons), "weapons", "Weapons", Type.TEXT, null, form("Weapons"),
            cli("--weapons", "TEXT", "weapons.")),
    VEHICLES(uniform(Finding.Uniform::vehicles), "vehicles", "Vehicles", Type.TEXT, null, form("Vehicles, markings"),
            cli("--vehicles", "TEXT", "vehicles and their markings.")),
    CLAIMED_FORCE(uniform(Finding.Uniform::claimedForce), "claimedForce", "Claimed force or unit", Type.TEXT, null,
            form("Claimed force"), cli("--claimed-force", "TEXT", "apparent force or unit, as a claim.")),
    CLAIM_BASIS(uniform(Finding.Uniform::claimBasis), "claimBasis", "Basis of the claim", Type.TEXT, null,
            form("Basis of claim", "required when a force is claimed"),
            cli("--claim-basis", "TEXT", "the basis of that claim.")),

    CATEGORY(note(Finding.Note::category), "category", "Category", Type.TEXT, Vocabulary.NOTE_CATEGORY,
            form("Category"), cli("--category", "TEXT", "event, speech, sound, ..."));

    /** What a field's value is; each reader writes and parses a type once, whatever the field. */
    public enum Type {
        /** Free text, or null. */
        TEXT,
        /** A whole number, 0 or more, or null. */
        COUNT,
        /** Decimal degrees, -90 to 90, or null. */
        LATITUDE,
        /** Decimal degrees, -180 to 180, or null. */
        LONGITUDE,
        /** A list of texts, never null (empty when none). */
        TEXT_LIST
    }

    /**
     * How the inspector shows the field.
     *
     * @param label the row's label, where the form is narrower than an export's column
     * @param prompt the hint an empty text field shows, or null
     */
    public record Form(String label, String prompt) {
    }

    /**
     * The field's option of {@code annotations add}.
     *
     * @param description what follows the kind in the option's help ("Injury: how many.")
     */
    public record Cli(String option, String paramLabel, String description) {
    }

    private final AnnotationKind kind;
    private final Function<Finding, Object> getter;
    private final String key;
    private final String label;
    private final Type type;
    private final Vocabulary vocabulary;
    private final String unit;
    private final Form form;
    private final Cli cli;

    FindingField(Accessor accessor, String key, String label, Type type, Vocabulary vocabulary, Form form, Cli cli) {
        this(accessor, key, label, type, vocabulary, null, form, cli);
    }

    /** @param unit what a {@link Type#COUNT} counts, in the plural ("injuries") */
    FindingField(Accessor accessor, String key, String label, Type type, Vocabulary vocabulary, String unit, Form form,
                 Cli cli) {
        this.kind = accessor.kind();
        this.getter = accessor.getter();
        this.key = key;
        this.label = label;
        this.type = type;
        this.vocabulary = vocabulary;
        this.unit = unit;
        this.form = form;
        this.cli = cli;
    }

    /** The fields of one kind, in declaration order. */
    public static List<FindingField> of(AnnotationKind kind) {
        return Arrays.stream(values()).filter(field -> field.kind == kind).toList();
    }

    /** The field whose export label is {@code label}, or null; labels are unique across kinds. */
    public static FindingField withLabel(String label) {
        return Arrays.stream(values()).filter(field -> field.label.equals(label)).findFirst().orElse(null);
    }

    public AnnotationKind kind() {
        return kind;
    }

    /** The field's value in {@code finding}, of the Java type its {@link #type()} names. */
    public Object valueOf(Finding finding) {
        if (finding.kind() != kind) {
            throw new IllegalArgumentException(key + " is a field of " + kind.code() + ", not of " + finding.kind().code());
        }
        return getter.apply(finding);
    }

    /** The name in JSON, CSV headers and every other export: bodyRegion, placeName, ... */
    public String key() {
        return key;
    }

    /** The name people read in exports and reports: "Body region". */
    public String label() {
        return label;
    }

    public Type type() {
        return type;
    }

    /** The list a form offers for the field, or null for free text only. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** What a count counts ("injuries"); null for other types. */
    public String unit() {
        return unit;
    }

    /** How the inspector shows the field, or null when the form does not edit it. */
    public Form form() {
        return form;
    }

    /** The option of {@code annotations add}, or null when the command line does not set it. */
    public Cli cli() {
        return cli;
    }

    /** The CLI's "Injury: how many." help text. */
    public String cliHelp() {
        String name = kind.code();
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1) + ": " + cli.description();
    }

    private static Form form(String label) {
        return new Form(label, null);
    }

    private static Form form(String label, String prompt) {
        return new Form(label, prompt);
    }

    private static Cli cli(String option, String paramLabel, String description) {
        return new Cli(option, paramLabel, description);
    }

    /** A getter and the kind whose record it reads. */
    private record Accessor(AnnotationKind kind, Function<Finding, Object> getter) {
    }

    private static Accessor injury(Function<Finding.Injury, Object> getter) {
        return new Accessor(AnnotationKind.INJURY, finding -> getter.apply((Finding.Injury) finding));
    }

    private static Accessor location(Function<Finding.Location, Object> getter) {
        return new Accessor(AnnotationKind.LOCATION, finding -> getter.apply((Finding.Location) finding));
    }

    private static Accessor uniform(Function<Finding.Uniform, Object> getter) {
        return new Accessor(AnnotationKind.UNIFORM, finding -> getter.apply((Finding.Uniform) finding));
    }

    private static Accessor note(Function<Finding.Note, Object> getter) {
        return new Accessor(AnnotationKind.NOTE, finding -> getter.apply((Finding.Note) finding));
    }
}
