package org.frameproof.ui.send;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.frameproof.domain.Case;
import org.frameproof.domain.Footage;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.BundleService;
import org.frameproof.evidence.ContactService;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.ui.common.CancellableRun;
import org.frameproof.ui.common.TaskExecutor;
import org.frameproof.ui.export.DesktopFiles;

/**
 * File > Send…: what to send (a case, or one footage item of it), to which of this store's
 * contacts, with or without the footage originals, and where to save the bundle; then the running
 * export's progress and what it wrote (docs/decisions/0013-bundles.md), or why nothing was.
 */
public final class SendViewModel {
    /** The extension the command line's bundles carry in the README and tests. */
    static final String EXTENSION = ".fpb";

    /** One item of the "what" list: a whole case, or one footage item of it. */
    public record What(Case owner, Footage footage, int footageCount) {
        BundleService.Scope scope() {
            return footage == null ? new BundleService.Scope(owner.title(), null) : new BundleService.Scope(null, footage.id());
        }

        /** The case's title or the footage's name without its extension, as a file name may hold it. */
        String fileStem() {
            String stem = footage == null ? owner.title() : footage.originalName().replaceFirst("\\.[^.]*$", "");
            return stem.replaceAll("[^\\p{L}\\p{N}._-]+", "_");
        }

        @Override
        public String toString() {
            return footage == null ? "Case " + owner.title() + " (" + footageCount + " footage item" + (footageCount == 1 ? ")" : "s)")
                    : "    Footage " + footage.id() + ": " + footage.originalName();
        }
    }

    /** A contact to tick: their name, the role this store accepted them in, and the start of their fingerprint. */
    public static final class Recipient {
        private final ContactService.Contact contact;
        private final BooleanProperty chosen = new SimpleBooleanProperty(false);

        Recipient(ContactService.Contact contact) {
            this.contact = contact;
        }

        public String name() {
            return contact.identity().name();
        }

        public String acceptedAs() {
            return contact.acceptedRole().label();
        }

        /** The first three of the fingerprint's twelve groups: enough to tell two people of one name apart. */
        public String fingerprintStart() {
            String[] groups = contact.fingerprint().digits().split(" ");
            return String.join(" ", List.of(groups).subList(0, 3)) + " …";
        }

        public BooleanProperty chosenProperty() {
            return chosen;
        }

        String fingerprintHex() {
            return contact.fingerprint().hex();
        }
    }

    private final EvidenceStore store;
    private final CancellableRun run;
    private final DesktopFiles desktop;
    private final LocalDate today;
    private final ObservableList<What> choices = FXCollections.observableArrayList();
    private final ObjectProperty<What> what = new SimpleObjectProperty<>();
    private final ObservableList<Recipient> recipients = FXCollections.observableArrayList();
    private final BooleanProperty withFootage = new SimpleBooleanProperty(true);
    private final StringProperty destination = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final BooleanBinding canSend;
    private Path written;

    /**
     * @param executor where the bundle is written (tests run it on the calling thread)
     * @param folder where the bundle is suggested, until the reviewer picks another place
     * @param today the date the suggested file name carries
     * @param desktop where the folder of what was written is shown
     */
    public SendViewModel(EvidenceStore store, TaskExecutor executor, Path folder, LocalDate today, DesktopFiles desktop) {
        this.store = store;
        this.run = new CancellableRun(executor);
        this.desktop = desktop;
        this.today = today;
        destination.set(folder.resolve("bundle" + EXTENSION).toString());
        canSend = run.runningProperty().not().and(what.isNotNull())
                .and(Bindings.createBooleanBinding(() -> !destination.get().isBlank(), destination));
        what.addListener((observable, old, chosen) -> suggestFileName());
    }

    /**
     * Reads the cases with their footage and the contacts; chooses the footage item with {@code sha256}
     * (the one on screen) when the store holds it, else the first case. What is missing is said at once.
     */
    public void load(String sha256) {
        try {
            for (Case investigation : store.cases().listCases()) {
                List<Footage> items = store.footage().list(investigation);
                choices.add(new What(investigation, null, items.size()));
                items.forEach(item -> choices.add(new What(investigation, item, items.size())));
            }
            recipients.setAll(store.contacts().list().stream().map(Recipient::new).toList());
        } catch (UserFacingException e) {
            run.refuse(e.getMessage());
            return;
        }
        what.set(choices.stream().filter(choice -> choice.footage() != null && choice.footage().sha256().equalsIgnoreCase(sha256))
                .findFirst().orElse(choices.isEmpty() ? null : choices.get(0)));
        if (choices.isEmpty()) {
            run.refuse("There is nothing to send yet: create a case and import footage first.");
        } else if (recipients.isEmpty()) {
            run.refuse(noContacts());
        }
    }

    private static String noContacts() {
        return "This store has no contacts yet. A bundle is encrypted to the people it is for: add them with File > Team… >"
                + " Contacts (from their identity file, after comparing fingerprints), then send.";
    }

    /** Names the file after what is sent and today's date, in the folder the reviewer chose last. */
    private void suggestFileName() {
        What chosen = what.get();
        if (chosen == null) {
            return;
        }
        String name = chosen.fileStem() + "-" + today + EXTENSION;
        Path folder = Path.of(destination.get().isBlank() ? name : destination.get()).getParent();
        destination.set(folder == null ? name : folder.resolve(name).toString());
    }

    /** Writes the bundle on the executor; progress, the outcome or the refusal follow. */
    public void send() {
        if (!canSend.get()) {
            return;
        }
        List<String> to = recipients.stream().filter(recipient -> recipient.chosenProperty().get())
                .map(Recipient::fingerprintHex).toList();
        if (to.isEmpty()) {
            run.refuse(recipients.isEmpty() ? noContacts() : "Choose at least one contact to send the bundle to.");
            return;
        }
        BundleService.Scope scope = what.get().scope();
        boolean footageToo = withFootage.get();
        Path out = Path.of(destination.get().strip()).toAbsolutePath();
        outcome.set("");
        written = null;
        run.start(progress -> store.bundles().export(scope, to, footageToo, null, out, progress), exported -> {
            written = out;
            outcome.set(describe(out, exported));
        });
    }

    static String describe(Path out, BundleService.Exported exported) {
        return "Wrote " + out + "\n"
                + "for " + String.join(", ", exported.recipients()) + " (and you: you can open it too)\n"
                + exported.footage() + " footage item(s), " + exported.originals() + " of them with the original, "
                + exported.work() + " piece(s) of signed work\n"
                + "Bundle " + exported.bundleId() + "\nSHA-256 " + exported.fileSha256()
                + "\nRecorded in the audit log. Send the file as it is: any change on the way is refused.";
    }

    /** Asks the running export to stop; it then leaves no file. */
    public void cancel() {
        run.cancel();
    }

    /** Shows the folder of the bundle just written. */
    public void showInFolder() {
        if (written != null) {
            desktop.showInFolder(written);
        }
    }

    public ObservableList<What> choices() {
        return choices;
    }

    public ObjectProperty<What> whatProperty() {
        return what;
    }

    public ObservableList<Recipient> recipients() {
        return recipients;
    }

    /** Whether the footage originals go in; without them, the receiver must hold them already. */
    public BooleanProperty withFootageProperty() {
        return withFootage;
    }

    /** The bundle file to write. */
    public StringProperty destinationProperty() {
        return destination;
    }

    public BooleanBinding canSendBinding() {
        return canSend;
    }

    /** What the last send wrote, to whom, its id and SHA-256; empty until one succeeds. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** The running or last send: whether it runs, how far, and why it did not happen. */
    public CancellableRun run() {
        return run;
    }
}
