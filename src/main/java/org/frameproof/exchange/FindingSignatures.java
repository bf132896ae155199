package org.frameproof.exchange;

/**
 * Who signed a finding's latest revision and who signed its review, as a report prints them
 * ("Signed by NAME (fingerprint …): the signature holds"; "Review signed by …: counts").
 *
 * @param latest the signer of the latest revision, or null when nothing recorded it
 * @param review the signer of the review, or null without a review
 * @param reviewCounts whether this store counts the review (docs/decisions/0012-review-states.md)
 */
public record FindingSignatures(Signer latest, Signer review, boolean reviewCounts) {
    /**
     * @param name the signer's name here, or null for a key this store does not know
     * @param fingerprint the signer's fingerprint in groups of digits, or null for unsigned work
     * @param state whether the signature holds, in words ("the signature holds")
     */
    public record Signer(String name, String fingerprint, String state) {
        /** "NAME (fingerprint 12345 …): the signature holds", or the state alone for unsigned work. */
        String describe() {
            return fingerprint == null ? state : (name == null ? "a key not known here" : name) + " (fingerprint "
                    + fingerprint + "): " + state;
        }
    }
}
