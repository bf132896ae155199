package org.frameproof.cli;

import java.nio.file.Path;
import java.util.Map;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.domain.VisibleText;
import org.frameproof.evidence.ContactService;
import org.frameproof.evidence.EvidenceStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code frameproof contacts add FILE --role ROLE|list}: people of other stores this store accepts. */
@Command(name = "contacts", mixinStandardHelpOptions = true,
        description = {"Accept or list contacts: reviewers of other stores, from their public identity file.",
            "The role is the one THIS store accepts them in, not the one they state."})
final class ContactsCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Accept the identity in FILE (made by `identity export`) as a contact in ROLE.",
                "Compare the fingerprint it prints with the person (by phone or in person) BEFORE adding it.",
                "Refused, with nothing written: a self-signature that does not hold, a malformed or oversized",
                "file, a contact already accepted, or a reviewer of this store. Recorded in the audit log."})
    static final class Add extends StoreCommand {
        @Parameters(paramLabel = "FILE", description = "The contact's identity file.")
        Path file;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "The role this store accepts them in: researcher, medical expert or field staff.")
        String role;

        Add(StoreAccess access) {
            super(access);
        }

        @Override
        int run(EvidenceStore store) throws UserFacingException {
            ContactService.Contact added = store.contacts().add(file, Role.parse(role));
            out().println(VisibleText.escape("Accepted " + added.identity().name() + " as " + added.acceptedRole().label()
                    + " (they state: " + added.identity().role().label() + ")."));
            out().println("Fingerprint: " + added.fingerprint().digits());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the contacts: name, accepted role, fingerprint, who accepted them and when.")
    static final class ListContacts extends StoreCommand {
        @Mixin
        JsonArrayOption format;

        ListContacts(StoreAccess access) {
            super(access);
        }

        @Override
        int run(EvidenceStore store) throws UserFacingException {
            printList(format, store.contacts().list(), contact -> {
                Map<String, Object> json = IdentityCommand.asJson(contact.identity(), contact.fingerprint());
                json.put("acceptedRole", contact.acceptedRole().label());
                json.put("acceptedBy", contact.acceptedBy());
                json.put("acceptedAt", contact.acceptedAt().toString());
                return json;
            }, contact -> contact.identity().name() + "  " + contact.acceptedRole().label() + "  " + contact.fingerprint().digits()
                    + "  accepted by " + contact.acceptedBy() + " on " + contact.acceptedAt());
            return 0;
        }
    }
}
