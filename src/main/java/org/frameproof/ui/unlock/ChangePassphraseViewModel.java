package org.frameproof.ui.unlock;

import java.util.Arrays;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.EvidenceStores;
import org.frameproof.ui.common.TaskExecutor;

/**
 * "Change passphrase": the current passphrase and a new one typed twice. The store re-wraps its
 * key with the new one; the database itself is not rewritten, so it takes as long as one unlock.
 */
public final class ChangePassphraseViewModel {
    private final EvidenceStores stores;
    private final EvidenceStore store;
    private final TaskExecutor executor;
    private final StringProperty current = new SimpleStringProperty("");
    private final NewPassphrase replacement = new NewPassphrase();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canSubmit;

    /** Changes the passphrase of the reviewer who unlocked the open {@code store}. */
    public ChangePassphraseViewModel(EvidenceStores stores, EvidenceStore store, TaskExecutor executor) {
        this.stores = stores;
        this.store = store;
        this.executor = executor;
        this.canSubmit = current.isNotEmpty().and(replacement.acceptableProperty()).and(busy.not());
    }

    public void submit() {
        if (!canSubmit.get()) {
            return;
        }
        char[] old = current.get().toCharArray();
        char[] fresh = replacement.characters();
        message.set("");
        busy.set(true);
        Task<Void> change = new Task<>() {
            @Override
            protected Void call() throws UserFacingException {
                try {
                    stores.changePassphrase(store, old, fresh);
                    return null;
                } finally {
                    Arrays.fill(old, '\0');
                    Arrays.fill(fresh, '\0');
                }
            }
        };
        change.setOnSucceeded(event -> {
            busy.set(false);
            current.set("");
            replacement.clear();
            changed.set(true);
        });
        change.setOnFailed(event -> {
            busy.set(false);
            current.set("");
            Throwable failure = change.getException();
            message.set(failure instanceof UserFacingException ? failure.getMessage()
                    : "The passphrase was not changed: " + failure);
        });
        executor.execute(change);
    }

    public StringProperty currentProperty() {
        return current;
    }

    public NewPassphrase replacement() {
        return replacement;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True once the key file holds the key wrapped by the new passphrase. */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }
}
