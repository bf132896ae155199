package org.frameproof.cli;

import picocli.CommandLine;

/** Adds the commands that work on the evidence store to the root command line. */
public final class StoreCommands {
    private StoreCommands() {
    }

    public static void register(CommandLine root, StoreAccess access) {
        root.addSubcommand(new CommandLine(new CasesCommand())
                .addSubcommand(new CasesCommand.ListCases(access))
                .addSubcommand(new CasesCommand.CreateCase(access)));
        root.addSubcommand(new ImportCommand(access));
        root.addSubcommand(new CommandLine(new FootageCommand())
                .addSubcommand(new FootageCommand.ListFootage(access))
                .addSubcommand(new FootageCommand.Withdraw(access))
                .addSubcommand(new FootageCommand.Status(access)));
        root.addSubcommand(new VerifyCommand(access));
        root.addSubcommand(new BackupCommands.BackupCommand(access));
        root.addSubcommand(new BackupCommands.RestoreCommand(access));
        root.addSubcommand(new BackupCommands.CompactCommand(access));
        root.addSubcommand(new CommandLine(new PassphraseCommand())
                .addSubcommand(new PassphraseCommand.Change(access)));
        root.addSubcommand(new CommandLine(new AuditCommand())
                .addSubcommand(new AuditCommand.ListEntries(access))
                .addSubcommand(new AuditCommand.Verify(access)));
        root.addSubcommand(new CommandLine(new ReviewersCommand())
                .addSubcommand(new ReviewersCommand.Add(access))
                .addSubcommand(new ReviewersCommand.ListReviewers(access)));
        root.addSubcommand(new CommandLine(new IdentityCommand())
                .addSubcommand(new IdentityCommand.Show(access))
                .addSubcommand(new IdentityCommand.Export(access)));
        root.addSubcommand(new CommandLine(new ContactsCommand())
                .addSubcommand(new ContactsCommand.Add(access))
                .addSubcommand(new ContactsCommand.ListContacts(access)));
        root.addSubcommand(new CommandLine(new BundleCommand())
                .addSubcommand(new BundleCommand.Export(access))
                .addSubcommand(new BundleCommand.Verify(access))
                .addSubcommand(new BundleCommand.Import(access)));
        // picocli copies a handler only to the subcommands present when it is set.
        root.setExecutionExceptionHandler(root.getExecutionExceptionHandler());
    }
}
