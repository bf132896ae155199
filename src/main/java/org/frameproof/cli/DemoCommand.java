package org.frameproof.cli;

import java.nio.file.Path;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.DemoStore;
import org.frameproof.evidence.EvidenceStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code frameproof demo}: the workstation on the demo case, made on first use. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {
            "Open the workstation on the demo case: generated clips (a phone portrait clip with sound, a landscape clip,"
                    + " two angles of one moment) with findings of every kind, to try every key on. It is a store of its"
                    + " own beside the data folder (DIR" + DemoStore.FOLDER_SUFFIX + "), made on first use in a few seconds;"
                    + " nothing is downloaded, and it never mixes with your own store. DEMO shows in the title bar and on"
                    + " every export, and bundles are refused there.",
            "Its passphrases are '" + DemoStore.RESEARCHER_PASSPHRASE + "' and '" + DemoStore.MEDICAL_EXPERT_PASSPHRASE
                    + "': the demo holds no secret."
        })
public final class DemoCommand extends Subcommand {
    private static final long CLEANUP_SECONDS = 10;

    @Option(names = "--as", paramLabel = "ROLE", description = "Work in the demo as its researcher (the default) or as its"
            + " medical expert, who confirms and rejects injuries.")
    String as = "researcher";

    @Option(names = "--no-window", description = "Only make the demo store when it is missing, and print where it is.")
    boolean noWindow;

    private final DemoStore demo;
    private final Workstation workstation;

    public DemoCommand(DemoStore demo, Workstation workstation) {
        this.demo = demo;
        this.workstation = workstation;
    }

    @Override
    public Integer call() throws UserFacingException {
        DemoStore.Login login = switch (Role.parse(as)) {
            case RESEARCHER -> DemoStore.RESEARCHER;
            case MEDICAL_EXPERT -> DemoStore.MEDICAL_EXPERT;
            case FIELD_STAFF -> throw new UserFacingException("The demo has a researcher and a medical expert;"
                    + " use --as researcher or --as medical-expert.");
        };
        Path folder = DemoStore.folderBeside(dataFolder());
        if (!demo.exists(folder)) {
            err().println("Making the demo case in " + folder + "…");
        }
        EvidenceStore store;
        try (CtrlC ctrlC = new CtrlC("demo", CLEANUP_SECONDS)) {
            store = demo.open(folder, login, new ItemProgress(err(), ctrlC::pressed));
        }
        out().println("Demo case in " + folder + ", as " + login.name() + " (" + login.role().label() + "). "
                + DemoStore.passphrases());
        out().flush();
        if (noWindow) {
            store.close();
        } else {
            workstation.run(store);
        }
        return 0;
    }
}
