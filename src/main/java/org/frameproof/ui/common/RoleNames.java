package org.frameproof.ui.common;

import java.util.Locale;
import javafx.util.StringConverter;
import org.frameproof.domain.Role;

/** A role as a choice box shows it: "Medical expert". */
public final class RoleNames extends StringConverter<Role> {
    @Override
    public String toString(Role role) {
        return role == null ? "" : role.label().substring(0, 1).toUpperCase(Locale.ROOT) + role.label().substring(1);
    }

    @Override
    public Role fromString(String text) {
        for (Role role : Role.values()) {
            if (toString(role).equals(text)) {
                return role;
            }
        }
        return null;
    }
}
