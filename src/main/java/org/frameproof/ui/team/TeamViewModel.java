package org.frameproof.ui.team;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.frameproof.domain.PublicIdentity;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.ContactService;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.EvidenceStores;
import org.frameproof.evidence.ReviewerService;
import org.frameproof.exchange.IdentityFile;
import org.frameproof.ui.common.TaskExecutor;
import org.frameproof.ui.unlock.NewPassphrase;

/**
 * File > Team…: the reviewers of this store (and adding one, as {@code reviewers add} does), the
 * unlocking reviewer's own identity (its fingerprint to read out, and exporting it), and the
 * contacts (accepting an identity file only after its fingerprint was shown). Every change runs in
 * the background and says what happened, or why not, in {@link #messageProperty()}.
 */
public final class TeamViewModel {
    /** A person as the dialog lists them: name, role, the fingerprint's digit groups, and a note. */
    public record Person(String name, String role, String fingerprint, String note) {
    }

    /** An identity file read and shown, waiting for the reviewer to accept it in a role. */
    public record Candidate(PublicIdentity identity, String fingerprint) {
    }

    private final EvidenceStores stores;
    private final EvidenceStore store;
    private final TaskExecutor executor;
    private final ObservableList<Person> reviewers = FXCollections.observableArrayList();
    private final ObservableList<Person> contacts = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Person> own = new ReadOnlyObjectWrapper<>();
    private final StringProperty newName = new SimpleStringProperty("");
    private final ObjectProperty<Role> newRole = new SimpleObjectProperty<>(Role.RESEARCHER);
    private final NewPassphrase newPassphrase = new NewPassphrase();
    private final StringProperty yourPassphrase = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Candidate> candidate = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Role> candidateRole = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canAddReviewer;
    private final BooleanBinding canAcceptContact;

    public TeamViewModel(EvidenceStores stores, EvidenceStore store, TaskExecutor executor) {
        this.stores = stores;
        this.store = store;
        this.executor = executor;
        canAddReviewer = newName.isNotEmpty().and(newPassphrase.acceptableProperty()).and(yourPassphrase.isNotEmpty())
                .and(busy.not());
        canAcceptContact = candidate.isNotNull().and(candidateRole.isNotNull()).and(busy.not());
    }

    /** Reads the reviewers, the own identity and the contacts again. */
    public void refresh() {
        run(() -> new People(store.reviewers().list(), store.contacts().list()), this::show, null);
    }

    /** Adds the reviewer typed in, with their passphrase; the own passphrase is asked again, as on the command line. */
    public void addReviewer() {
        if (!canAddReviewer.get()) {
            return;
        }
        char[] adder = yourPassphrase.get().toCharArray();
        char[] fresh = newPassphrase.characters();
        String name = newName.get().strip();
        Role role = newRole.get();
        yourPassphrase.set("");
        run(() -> {
            try {
                stores.addReviewer(store, adder, Reviewer.typed(name, role), fresh);
                return new People(store.reviewers().list(), store.contacts().list());
            } finally {
                Arrays.fill(adder, '\0');
                Arrays.fill(fresh, '\0');
            }
        }, people -> {
            show(people);
            newName.set("");
            newPassphrase.clear();
        }, "Added " + name + " (" + role.label() + "). They unlock this store with their own passphrase.");
    }

    /** Writes the own public identity to {@code target}, to give to a contact. */
    public void exportIdentity(Path target) {
        run(() -> {
            IdentityFile.write(store.reviewers().own().identity(), target);
            return null;
        }, done -> { }, "Your identity was written to " + target + ". Read your fingerprint to whoever receives it.");
    }

    /** Reads an identity file and shows who it names and its fingerprint; nothing is accepted yet. */
    public void preview(Path file) {
        candidate.set(null);
        run(() -> {
            PublicIdentity identity = IdentityFile.read(file);
            return new Candidate(identity, IdentityFile.fingerprint(identity).digits());
        }, read -> {
            candidate.set(read);
            candidateRole.set(read.identity().role());
        }, null);
    }

    /** Accepts the previewed identity as a contact in the chosen role; the role is this store's decision. */
    public void acceptContact() {
        if (!canAcceptContact.get()) {
            return;
        }
        Candidate accepted = candidate.get();
        Role role = candidateRole.get();
        run(() -> {
            store.contacts().add(accepted.identity(), role);
            return new People(store.reviewers().list(), store.contacts().list());
        }, people -> {
            show(people);
            candidate.set(null);
        }, "Accepted " + accepted.identity().name() + " as " + role.label() + ".");
    }

    /** Forgets every passphrase typed and the previewed identity, as the dialog closes. */
    public void forgetTyped() {
        yourPassphrase.set("");
        newPassphrase.clear();
        candidate.set(null);
    }

    /** Forgets the previewed identity without accepting it. */
    public void dismissCandidate() {
        candidate.set(null);
    }

    private record People(List<ReviewerService.Listed> reviewers, List<ContactService.Contact> contacts) {
    }

    private void show(People people) {
        String unlocked = store.reviewer().name();
        reviewers.setAll(people.reviewers().stream().map(listed -> new Person(listed.reviewer().name(),
                listed.reviewer().role().label(), listed.fingerprint().digits(),
                listed.reviewer().isNamed(unlocked) ? "you" : "")).toList());
        people.reviewers().stream().filter(listed -> listed.reviewer().isNamed(unlocked)).findFirst()
                .ifPresent(listed -> own.set(new Person(listed.reviewer().name(), listed.reviewer().role().label(),
                        listed.fingerprint().digits(), "")));
        contacts.setAll(people.contacts().stream().map(contact -> new Person(contact.identity().name(),
                contact.acceptedRole().label(), contact.fingerprint().digits(), "states " + contact.identity().role().label()
                        + "\naccepted by " + contact.acceptedBy())).toList());
    }

    @FunctionalInterface
    private interface Work<T> {
        T call() throws UserFacingException;
    }

    @FunctionalInterface
    private interface Done<T> {
        void accept(T result);
    }

    /** Runs {@code work} in the background; on success {@code done} and the notice, else the refusal. */
    private <T> void run(Work<T> work, Done<T> done, String notice) {
        busy.set(true);
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws UserFacingException {
                return work.call();
            }
        };
        task.setOnSucceeded(event -> {
            busy.set(false);
            done.accept(task.getValue());
            if (notice != null) {
                say(notice, false);
            }
        });
        task.setOnFailed(event -> {
            busy.set(false);
            Throwable failure = task.getException();
            say(failure instanceof UserFacingException ? failure.getMessage() : "That did not work: " + failure, true);
        });
        executor.execute(task);
    }

    private void say(String text, boolean refusal) {
        message.set(text);
        failed.set(refusal);
    }

    public ObservableList<Person> reviewers() {
        return reviewers;
    }

    public ObservableList<Person> contacts() {
        return contacts;
    }

    /** The reviewer who unlocked, with the fingerprint others compare; null until read. */
    public ReadOnlyObjectProperty<Person> ownProperty() {
        return own.getReadOnlyProperty();
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public ObjectProperty<Role> newRoleProperty() {
        return newRole;
    }

    public NewPassphrase newPassphrase() {
        return newPassphrase;
    }

    public StringProperty yourPassphraseProperty() {
        return yourPassphrase;
    }

    public ReadOnlyObjectProperty<Candidate> candidateProperty() {
        return candidate.getReadOnlyProperty();
    }

    public ObjectProperty<Role> candidateRoleProperty() {
        return candidateRole;
    }

    /** What the last action did, or why it was refused (see {@link #failedProperty()}). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when {@link #messageProperty()} is a refusal. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canAddReviewerProperty() {
        return canAddReviewer;
    }

    public BooleanBinding canAcceptContactProperty() {
        return canAcceptContact;
    }
}
