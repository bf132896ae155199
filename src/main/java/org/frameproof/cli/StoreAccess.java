package org.frameproof.cli;

import java.io.Console;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.EvidenceStores;
import org.frameproof.evidence.Progress;

/**
 * How a command gets at the store: the passphrase from {@code FRAMEPROOF_PASSPHRASE} (scripts) or
 * a prompt without echo; it unlocks the store as the reviewer whose passphrase it is, and
 * {@code FRAMEPROOF_USER}, when set, names who that must be (it never makes anyone a reviewer).
 * On a new data folder the store is created for {@code FRAMEPROOF_USER} and {@code FRAMEPROOF_ROLE}
 * (default: the login name, researcher), or for what the prompt is told.
 * {@code FRAMEPROOF_ACCEPT_AUDIT_MISMATCH=1} opens a store whose audit chain does not match the
 * key file's head (recorded in the audit log; verify fails from then on).
 * Nothing is opened until a command asks, so {@code --help} never touches the data folder.
 */
public final class StoreAccess {
    static final String PASSPHRASE = "FRAMEPROOF_PASSPHRASE";
    static final String USER = "FRAMEPROOF_USER";
    static final String ROLE = "FRAMEPROOF_ROLE";
    static final String NEW_PASSPHRASE = "FRAMEPROOF_NEW_PASSPHRASE";

    private final EvidenceStores stores;
    private final Map<String, String> environment;
    private final Console console;

    public StoreAccess(EvidenceStores stores, Map<String, String> environment, Console console) {
        this.stores = stores;
        this.environment = environment;
        this.console = console;
    }

    /** Unlocks the store in {@code dataFolder}, creating it first when the folder has none. */
    public EvidenceStore open(Path dataFolder) throws UserFacingException {
        return open(dataFolder, Progress.NONE);
    }

    /** As {@link #open(Path)}, telling {@code conversion} how far the encryption of an older vault got. */
    EvidenceStore open(Path dataFolder, Progress conversion) throws UserFacingException {
        char[] passphrase = null;
        try {
            if (stores.exists(dataFolder)) {
                passphrase = passphrase("Passphrase for " + dataFolder + ": ");
                return stores.unlock(dataFolder, environment.get(USER), passphrase, "1".equals(environment.get(EvidenceStores.ACCEPT_AUDIT_MISMATCH)),
                        conversion);
            }
            Reviewer reviewer = newReviewer(dataFolder);
            passphrase = newPassphrase(PASSPHRASE);
            return stores.create(dataFolder, passphrase, reviewer);
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    /**
     * Re-wraps the store's key: the current passphrase from {@code FRAMEPROOF_PASSPHRASE} or a
     * prompt, the new one from {@code FRAMEPROOF_NEW_PASSPHRASE} or typed twice.
     */
    void changePassphrase(Path dataFolder) throws UserFacingException {
        if (!stores.exists(dataFolder)) {
            throw new UserFacingException("There is no Frameproof store in " + dataFolder + " yet.");
        }
        char[] current = passphrase("Current passphrase for " + dataFolder + ": ");
        char[] replacement = null;
        try {
            replacement = newPassphrase(NEW_PASSPHRASE);
            stores.changePassphrase(dataFolder, environment.get(USER), current, replacement);
        } finally {
            Arrays.fill(current, '\0');
            if (replacement != null) {
                Arrays.fill(replacement, '\0');
            }
        }
    }

    /**
     * Adds {@code reviewer} to the open {@code store}: the passphrase of the reviewer who unlocked
     * it from {@code FRAMEPROOF_PASSPHRASE} or asked again, the new reviewer's from
     * {@code FRAMEPROOF_NEW_PASSPHRASE} or typed twice.
     */
    void addReviewer(EvidenceStore store, Reviewer reviewer) throws UserFacingException {
        char[] adder = passphrase("Your passphrase again, " + store.reviewer().name() + ": ");
        char[] fresh = null;
        try {
            if (!environment.containsKey(NEW_PASSPHRASE)) {
                requireConsole(NEW_PASSPHRASE);
                console.printf("The passphrase %s will unlock the store with:%n", reviewer.name());
            }
            fresh = newPassphrase(NEW_PASSPHRASE);
            stores.addReviewer(store, adder, reviewer, fresh);
        } finally {
            Arrays.fill(adder, '\0');
            if (fresh != null) {
                Arrays.fill(fresh, '\0');
            }
        }
    }

    /** Work that needs a passphrase and no open store (it opens the store itself, or a backup's copy). */
    @FunctionalInterface
    interface WithPassphrase<T> {
        T apply(char[] passphrase) throws UserFacingException;
    }

    /**
     * Runs {@code work} with the passphrase from {@code FRAMEPROOF_PASSPHRASE} or asked with
     * {@code prompt}, and wipes it afterwards.
     */
    <T> T withPassphrase(String prompt, WithPassphrase<T> work) throws UserFacingException {
        char[] passphrase = passphrase(prompt);
        try {
            return work.apply(passphrase);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** Whether scripts gave the passphrase: then no one is asked for it, not even by the window. */
    public boolean passphraseFromEnvironment() {
        return environment.containsKey(PASSPHRASE);
    }

    public EvidenceStores stores() {
        return stores;
    }

    private Reviewer newReviewer(Path dataFolder) throws UserFacingException {
        if (environment.containsKey(PASSPHRASE)) {
            String name = environment.getOrDefault(USER, System.getProperty("user.name"));
            String role = environment.getOrDefault(ROLE, "researcher");
            return new Reviewer(name, Role.parse(role));
        }
        requireConsole(PASSPHRASE);
        console.printf("Creating a new encrypted Frameproof store in %s.%n", dataFolder);
        String name = console.readLine("Your name: ");
        if (name == null || name.isBlank()) {
            throw new UserFacingException("A name is needed: every change is recorded with who made it.");
        }
        return new Reviewer(name, Role.parse(console.readLine("Your role (researcher, medical expert, field staff): ")));
    }

    /** A new passphrase from the variable {@code fromVariable}, else typed twice at a prompt. */
    private char[] newPassphrase(String fromVariable) throws UserFacingException {
        if (environment.containsKey(fromVariable)) {
            return environment.get(fromVariable).toCharArray();
        }
        char[] first = prompt("New passphrase: ", fromVariable);
        char[] again = prompt("The same passphrase again: ", fromVariable);
        try {
            if (!Arrays.equals(first, again)) {
                throw new UserFacingException("The two passphrases differ; nothing was saved.");
            }
            return first.clone();
        } finally {
            Arrays.fill(first, '\0');
            Arrays.fill(again, '\0');
        }
    }

    private char[] passphrase(String prompt) throws UserFacingException {
        String fromEnvironment = environment.get(PASSPHRASE);
        if (fromEnvironment != null) {
            return fromEnvironment.toCharArray();
        }
        return prompt(prompt, PASSPHRASE);
    }

    /** Reads a passphrase at the terminal without echo; {@code variable} is named when there is no terminal. */
    private char[] prompt(String prompt, String variable) throws UserFacingException {
        requireConsole(variable);
        char[] typed = console.readPassword(prompt);
        if (typed == null) {
            throw new UserFacingException("No passphrase was given.");
        }
        return typed;
    }

    private void requireConsole(String variable) throws UserFacingException {
        if (console == null) {
            throw new UserFacingException("A passphrase is needed: run this in a terminal, or set " + variable + ".");
        }
    }
}
