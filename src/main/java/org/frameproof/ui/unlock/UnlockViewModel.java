package org.frameproof.ui.unlock;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.frameproof.domain.Reviewer;
import org.frameproof.domain.Role;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.EvidenceStores;
import org.frameproof.evidence.Progress;
import org.frameproof.ui.common.DemoCase;
import org.frameproof.ui.common.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unlock screen: on a new data folder it creates the encrypted store for the reviewer it is
 * told about; on an existing one it asks for the passphrase, and who is working: a name given must
 * be the passphrase's reviewer, and without one the passphrase alone says who it is. Unlocking (a deliberately slow key
 * derivation) runs on the executor. After wrong passphrases the store refuses tries for a growing
 * while, which is counted down here so the reviewer sees when to try again.
 */
public final class UnlockViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(UnlockViewModel.class);

    private final EvidenceStores stores;
    private final Path dataFolder;
    private final TaskExecutor executor;
    private final Clock clock;
    private final boolean firstRun;

    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(Role.RESEARCHER);
    private final NewPassphrase newPassphrase = new NewPassphrase();
    private final StringProperty reviewer = new SimpleStringProperty("");
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper demoNotice = new ReadOnlyStringWrapper("");
    private DemoCase demoCase;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper secondsToWait = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<EvidenceStore> unlocked = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canSubmit;
    private Timeline countdown;
    private boolean cancelled;

    public UnlockViewModel(EvidenceStores stores, Path dataFolder, TaskExecutor executor, Clock clock) {
        this.stores = stores;
        this.dataFolder = dataFolder;
        this.executor = executor;
        this.clock = clock;
        this.firstRun = !stores.exists(dataFolder);
        BooleanBinding filledIn = firstRun
                ? Bindings.createBooleanBinding(() -> !name.get().isBlank(), name).and(newPassphrase.acceptableProperty())
                : passphrase.isNotEmpty();
        canSubmit = filledIn.and(busy.not()).and(secondsToWait.isEqualTo(0));
    }

    /** Creates or unlocks the store; the outcome arrives in {@link #unlockedProperty()} or {@link #messageProperty()}. */
    public void submit() {
        if (!canSubmit.get()) {
            return;
        }
        Reviewer newReviewer = firstRun ? new Reviewer(name.get(), role.get()) : null;
        String working = reviewer.get().isBlank() ? null : reviewer.get().strip();
        char[] typed = firstRun ? newPassphrase.characters() : passphrase.get().toCharArray();
        message.set("");
        busy.set(true);
        Task<EvidenceStore> opening = new Task<>() {
            @Override
            protected EvidenceStore call() throws UserFacingException {
                try {
                    return firstRun ? stores.create(dataFolder, typed, newReviewer) : stores.unlock(dataFolder, working, typed, false,
                            new Progress() {
                                @Override
                                public void update(String item, long done, long total) {
                                    updateMessage(item + (total > 0 ? " (" + done * 100 / total + "%)" : ""));
                                }

                                @Override
                                public boolean cancelled() {
                                    return false;
                                }
                            });
                } finally {
                    Arrays.fill(typed, '\0');
                }
            }
        };
        // An older store's vault is encrypted on its first unlock: say how far that got.
        opening.messageProperty().addListener((observable, before, now) -> message.set(now));
        opening.setOnSucceeded(event -> {
            busy.set(false);
            newPassphrase.clear();
            passphrase.set("");
            if (cancelled) {
                closeQuietly(opening.getValue());
            } else {
                unlocked.set(opening.getValue());
            }
        });
        opening.setOnFailed(event -> {
            busy.set(false);
            passphrase.set("");
            Throwable failure = opening.getException();
            message.set(failure instanceof UserFacingException ? failure.getMessage()
                    : "Could not open the store in " + dataFolder + ": " + failure);
            startCountdown();
        });
        executor.execute(opening);
    }

    /** The reviewer gave up: a store that is still being opened is closed again when it arrives. */
    public void cancel() {
        cancelled = true;
        if (countdown != null) {
            countdown.stop();
        }
    }

    /** Counts down the wait the store imposes after repeated wrong passphrases, if there is one. */
    private void startCountdown() {
        Instant allowedAt;
        try {
            allowedAt = stores.nextUnlockAllowedAt(dataFolder);
        } catch (UserFacingException e) {
            LOG.debug("The wait after wrong passphrases could not be read; none is counted down", e);
            return; // the message already shown says what went wrong
        }
        updateWait(allowedAt);
        if (secondsToWait.get() > 0) {
            if (countdown != null) {
                countdown.stop();
            }
            countdown = new Timeline(new KeyFrame(javafx.util.Duration.millis(200), tick -> updateWait(allowedAt)));
            countdown.setCycleCount(Animation.INDEFINITE);
            countdown.play();
        }
    }

    private void updateWait(Instant allowedAt) {
        long millis = Duration.between(clock.instant(), allowedAt).toMillis();
        secondsToWait.set(millis <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (millis + 999) / 1000));
        if (millis <= 0 && countdown != null) {
            countdown.stop();
        }
    }

    private static void closeQuietly(EvidenceStore store) {
        try {
            store.close();
        } catch (UserFacingException e) {
            // The reviewer cancelled; the store was never used.
            LOG.warn("The store unlocked for a cancelled unlock did not close cleanly", e);
        }
    }

    /** Offers the demo case on the first start, beside creating a store (see {@link DemoCase}). */
    public void offerDemo(DemoCase demo) {
        demoCase = demo;
    }

    /** Whether the screen offers "Try the demo case": on a first start, when a demo can be opened. */
    public boolean demoOffered() {
        return firstRun && demoCase != null;
    }

    /** Opens the demo case in a window of its own; this screen stays, to create the store afterwards. */
    public void tryDemo() {
        if (demoOffered()) {
            demoCase.open(step -> Platform.runLater(() -> demoNotice.set(step)))
                    .thenAccept(said -> Platform.runLater(() -> demoNotice.set(said)));
        }
    }

    /** What opening the demo case said; empty until it is tried. */
    public ReadOnlyStringProperty demoNoticeProperty() {
        return demoNotice.getReadOnlyProperty();
    }

    public boolean firstRun() {
        return firstRun;
    }

    public Path dataFolder() {
        return dataFolder;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    public NewPassphrase newPassphrase() {
        return newPassphrase;
    }

    /** Who is working, as typed on an existing store's screen; empty leaves it to the passphrase. */
    public StringProperty reviewerProperty() {
        return reviewer;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    /** What went wrong with the last try, in the reviewer's words; empty when nothing did. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Seconds until the store accepts the next passphrase; 0 when it accepts one now. */
    public ReadOnlyIntegerProperty secondsToWaitProperty() {
        return secondsToWait.getReadOnlyProperty();
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }

    /** The opened store, once creating or unlocking has succeeded. */
    public ReadOnlyObjectProperty<EvidenceStore> unlockedProperty() {
        return unlocked.getReadOnlyProperty();
    }
}
