package org.frameproof.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.Finding;
import org.frameproof.domain.FindingField;
import org.frameproof.domain.UserFacingException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class FindingOptionsTest {
    @Test
    void addHasAnOptionForEveryDeclaredFieldInDeclaredOrderBeforeTheHelpOptions() {
        List<OptionSpec> options = AnnotationCommands.Add.command(null).getCommandSpec().options();
        List<String> names = options.stream().map(OptionSpec::longestName).toList();
        List<FindingField> declared = Arrays.stream(FindingField.values()).filter(field -> field.cli() != null).toList();
        int first = names.indexOf(declared.get(0).cli().option());
        for (int i = 0; i < declared.size(); i++) {
            OptionSpec option = options.get(first + i);
            assertEquals(declared.get(i).cli().option(), option.longestName());
            assertEquals(declared.get(i).cli().paramLabel(), option.paramLabel());
            assertEquals(List.of(declared.get(i).cliHelp()), Arrays.asList(option.description()));
        }
        assertEquals(List.of("--help", "--version"), names.subList(first + declared.size(), names.size()));
    }

    @Test
    void theGivenOptionsMakeTheFindingOfTheirKindAndRefuseAnotherKinds() throws Exception {
        AnnotationCommands.Add add = new AnnotationCommands.Add(null);
        CommandLine command = new CommandLine(add);
        FindingOptions options = new FindingOptions();
        options.addTo(command.getCommandSpec());
        List<String> args = new ArrayList<>(List.of("--footage", "1", "--frame", "2", "--kind", "location",
                "--observation", "x", "--place", "Hadrut", "--lat", "39.52", "--lon", "46.5",
                "--landmark", "church", "--landmark", "bridge"));
        command.parseArgs(args.toArray(String[]::new));
        assertEquals(new Finding.Location("Hadrut", 39.52, 46.5, null, null, List.of("church", "bridge")),
                options.finding(AnnotationKind.LOCATION));
        UserFacingException wrongKind = assertThrows(UserFacingException.class, () -> options.finding(AnnotationKind.NOTE));
        assertEquals("--place is for location annotations, and this one is note.", wrongKind.getMessage());
    }
}
