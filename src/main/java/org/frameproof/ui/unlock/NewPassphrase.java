package org.frameproof.ui.unlock;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.frameproof.evidence.EvidenceStores;

/**
 * A new passphrase typed twice, as on the first-run screen and in "Change passphrase": how strong
 * it looks, and what is wrong with it before it may be used.
 */
public final class NewPassphrase {
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final StringBinding strength = Bindings.createStringBinding(() -> describeStrength(passphrase.get()), passphrase);
    private final StringBinding problem = Bindings.createStringBinding(this::findProblem, passphrase, confirmation);
    private final BooleanBinding acceptable = problem.isEmpty();

    /** Bits a word chosen from a list of about 7,776 (a diceware list) adds; ordinary words add less. */
    private static final double BITS_PER_WORD = 12.9;

    /**
     * Roughly how many bits of guessing the passphrase takes: from its length and kinds of
     * character, but no more than its words are worth, since guessers try words, not letters.
     */
    static double estimatedBits(String text) {
        int pool = 0;
        pool += text.chars().anyMatch(Character::isLowerCase) ? 26 : 0;
        pool += text.chars().anyMatch(Character::isUpperCase) ? 26 : 0;
        pool += text.chars().anyMatch(Character::isDigit) ? 10 : 0;
        pool += text.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 33 : 0;
        double byCharacters = pool == 0 ? 0 : text.length() * Math.log(pool) / Math.log(2);
        String[] words = text.strip().split("\\s+");
        return words.length > 1 ? Math.min(byCharacters, words.length * BITS_PER_WORD) : byCharacters;
    }

    static String describeStrength(String text) {
        if (text.isEmpty()) {
            return "Several random words make a strong passphrase that is easy to type.";
        }
        if (text.length() < EvidenceStores.MINIMUM_PASSPHRASE_LENGTH) {
            return "Too short: at least " + EvidenceStores.MINIMUM_PASSPHRASE_LENGTH + " characters.";
        }
        double bits = estimatedBits(text);
        if (bits < 50) {
            return "Weak: a laptop that is seized could be opened by guessing. Add more words.";
        }
        return bits < 75 ? "Fair: another word or two would make it strong." : "Strong.";
    }

    private String findProblem() {
        String text = passphrase.get();
        if (text.length() < EvidenceStores.MINIMUM_PASSPHRASE_LENGTH) {
            return "Choose a passphrase of at least " + EvidenceStores.MINIMUM_PASSPHRASE_LENGTH + " characters.";
        }
        if (!text.equals(confirmation.get())) {
            return "The two passphrases differ.";
        }
        return "";
    }

    /** The passphrase as characters, for the store (which clears its copy after use). */
    public char[] characters() {
        return passphrase.get().toCharArray();
    }

    /** Forgets what was typed. */
    public void clear() {
        passphrase.set("");
        confirmation.set("");
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public StringBinding strengthProperty() {
        return strength;
    }

    /** Empty when the passphrase may be used, else what to fix. */
    public StringBinding problemProperty() {
        return problem;
    }

    public BooleanBinding acceptableProperty() {
        return acceptable;
    }
}
