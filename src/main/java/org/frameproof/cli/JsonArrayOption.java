package org.frameproof.cli;

import picocli.CommandLine.Option;

/** {@code --json} on a command that lists things: one JSON array instead of a line per item. */
final class JsonArrayOption {
    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;
}
