package org.frameproof.ui.unlock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NewPassphraseTest {
    @Test
    void wordsCountAsWordsNotAsLetters() {
        assertTrue(NewPassphrase.describeStrength("olive lantern").startsWith("Weak"));
        assertTrue(NewPassphrase.describeStrength("correct horse battery staple").startsWith("Fair"));
        assertEquals("Strong.", NewPassphrase.describeStrength("correct horse battery staple olive lantern"));
        assertTrue(NewPassphrase.describeStrength("seven").startsWith("Too short"));
        assertTrue(NewPassphrase.describeStrength("qwertyuiop").startsWith("Weak"));
    }

    @Test
    void aPassphraseIsAcceptedOnlyWhenLongEnoughAndTypedTheSameTwice() {
        NewPassphrase passphrase = new NewPassphrase();
        passphrase.passphraseProperty().set("short");
        assertTrue(passphrase.problemProperty().get().startsWith("Choose a passphrase of at least 8"));
        passphrase.passphraseProperty().set("long enough now");
        passphrase.confirmationProperty().set("long enough no");
        assertEquals("The two passphrases differ.", passphrase.problemProperty().get());
        passphrase.confirmationProperty().set("long enough now");
        assertTrue(passphrase.acceptableProperty().get());
    }
}
