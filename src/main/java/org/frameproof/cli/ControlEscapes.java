package org.frameproof.cli;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import org.frameproof.domain.VisibleText;

/**
 * JSON's own escapes, and besides those DEL, the C1 controls and the bidirectional overrides as
 * {@code \\uXXXX} (JSON allows them raw, a terminal would act on them); the text read back is the same.
 */
final class ControlEscapes extends CharacterEscapes {
    private final int[] ascii;

    ControlEscapes() {
        ascii = standardAsciiEscapesForJSON();
        ascii[0x7f] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return VisibleText.isControl(ch) ? new SerializedString(VisibleText.escape(Character.toString(ch))) : null;
    }
}
