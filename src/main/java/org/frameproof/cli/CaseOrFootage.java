package org.frameproof.cli;

import picocli.CommandLine.Option;

/** {@code --case NAME | --footage ID}: what a command works on, every footage item of a case or one item. */
final class CaseOrFootage {
    @Option(names = "--case", paramLabel = "NAME", description = "Every footage item of a case.")
    String caseName;

    @Option(names = "--footage", paramLabel = "ID", description = "One footage item.")
    Long footageId;
}
