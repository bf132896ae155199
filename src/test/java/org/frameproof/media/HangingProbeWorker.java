package org.frameproof.media;

/** A probe worker that stops responding, like a decoder caught in a loop on a hostile file. */
public final class HangingProbeWorker {
    private HangingProbeWorker() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(600_000);
    }
}
