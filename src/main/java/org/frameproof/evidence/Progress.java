package org.frameproof.evidence;

/** Where long work reports how far it got, and learns whether the reviewer cancelled it. */
public interface Progress {
    Progress NONE = new Progress() {
        @Override
        public void update(String item, long done, long total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** {@code done} of {@code total} bytes of {@code item} are through. */
    void update(String item, long done, long total);

    boolean cancelled();
}
