package org.frameproof.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.Coordinates;
import org.frameproof.domain.Finding;
import org.frameproof.domain.FindingDraft;
import org.frameproof.domain.FindingField;
import org.frameproof.domain.UserFacingException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options of {@code annotations add} that set a finding's fields: one per {@link FindingField}
 * that declares one, in declaration order, and what they were given.
 */
final class FindingOptions {
    private final Map<FindingField, Object> given = new EnumMap<>(FindingField.class);

    /**
     * Adds the options to {@code spec} after its own, keeping the standard help options last as
     * picocli lists them for annotated options.
     */
    void addTo(CommandSpec spec) {
        List<OptionSpec> help = spec.options().stream().filter(option -> option.usageHelp() || option.versionHelp())
                .toList();
        help.forEach(spec::remove);
        for (FindingField field : FindingField.values()) {
            if (field.cli() != null) {
                spec.addOption(option(field));
            }
        }
        help.forEach(spec::addOption);
    }

    private OptionSpec option(FindingField field) {
        OptionSpec.Builder option = OptionSpec.builder(field.cli().option()).paramLabel(field.cli().paramLabel())
                .description(field.cliHelp()).getter(getter(field)).setter(setter(field));
        return switch (field.type()) {
            case COUNT -> option.type(Integer.class).build();
            case TEXT_LIST -> option.type(List.class).auxiliaryTypes(String.class).build();
            case TEXT, LATITUDE, LONGITUDE -> option.type(String.class).build();
        };
    }

    private IGetter getter(FindingField field) {
        return new IGetter() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T get() {
                return (T) given.get(field);
            }
        };
    }

    private ISetter setter(FindingField field) {
        return new ISetter() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T set(T value) {
                return (T) given.put(field, value);
            }
        };
    }

    /**
     * The finding of {@code kind} the options give.
     *
     * @throws UserFacingException when an option of another kind was given, or a coordinate cannot be read
     */
    Finding finding(AnnotationKind kind) throws UserFacingException {
        for (FindingField field : FindingField.values()) {
            if (field.kind() != kind && isGiven(field)) {
                throw new UserFacingException(field.cli().option() + " is for " + field.kind().code()
                        + " annotations, and this one is " + kind.code() + ".");
            }
        }
        FindingDraft draft = new FindingDraft(kind);
        for (FindingField field : FindingField.of(kind)) {
            Object value = given.get(field);
            switch (field.type()) {
                case TEXT, COUNT -> draft.set(field, value);
                case LATITUDE -> draft.set(field, value == null ? null : Coordinates.latitude((String) value));
                case LONGITUDE -> draft.set(field, value == null ? null : Coordinates.longitude((String) value));
                case TEXT_LIST -> draft.set(field, value == null ? List.of() : new ArrayList<>((List<?>) value));
            }
        }
        return draft.build();
    }

    private boolean isGiven(FindingField field) {
        Object value = given.get(field);
        return value != null && !(value instanceof List<?> list && list.isEmpty());
    }
}
