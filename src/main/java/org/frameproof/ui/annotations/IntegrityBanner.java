package org.frameproof.ui.annotations;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Integrity;

/**
 * What the banner over the picture says about the footage item open for review: nothing while its
 * vault copy matched its SHA-256 when last re-hashed, and that it failed otherwise, for as long as
 * the item stays open (a reviewer who annotates it sees the warning the whole time). It follows
 * the item's recorded check when it is opened, and each re-hash that finishes while it is open.
 */
public final class IntegrityBanner {
    private final ReadOnlyObjectProperty<Footage> open;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");

    /** @param open the footage item open in the player (null when none is, or a file outside the store) */
    IntegrityBanner(ReadOnlyObjectProperty<Footage> open) {
        this.open = open;
        open.addListener((observable, old, item) -> show(item));
        show(open.get());
    }

    /** A re-hash finished: when it was of the open item, the banner says what it found. */
    public void checked(Footage item) {
        Footage current = open.get();
        if (current != null && current.id() == item.id()) {
            show(item);
        }
    }

    private void show(Footage item) {
        text.set(item == null || item.integrity() == Integrity.INTACT ? ""
                : "FAILED VERIFICATION: the vault copy of " + item.originalName() + " (#" + item.id()
                        + ") does not match the SHA-256 recorded at import (re-checked at " + item.integrityCheckedAt()
                        + "). Do not rely on what it shows; restore the vault from a verified backup.");
    }

    /** The banner's text; empty when there is nothing to warn about. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
