package org.frameproof.media.review;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.frameproof.domain.MediaFacts;
import org.frameproof.media.MediaSource;
import org.frameproof.media.Playback;

/** Plays nothing: records what it was asked and reports what the test says. */
final class ScriptedPlayback implements Playback {
    Listener listener;
    MediaSource loaded;
    long playedFrom = -1;
    boolean fromPictureOnScreen;
    LongConsumer stopped;
    List<Long> loop;
    List<Integer> pictureLimit;
    final List<List<Long>> calibrations = new ArrayList<>();

    @Override
    public void setListener(Listener listener) {
        this.listener = listener;
    }

    @Override
    public void load(MediaSource media, MediaFacts facts) {
        loaded = media;
    }

    @Override
    public void calibrate(long reportedMicros, long actualMicros) {
        calibrations.add(List.of(reportedMicros, actualMicros));
    }

    @Override
    public void limitPictureSize(int width, int height) {
        pictureLimit = List.of(width, height);
    }

    @Override
    public void play(long fromMicros, boolean fromPictureOnScreen, int framesAfterKeyFrame) {
        playedFrom = fromMicros;
        this.fromPictureOnScreen = fromPictureOnScreen;
    }

    @Override
    public void pause(LongConsumer whenStopped) {
        stopped = whenStopped;
    }

    @Override
    public void stop() {
    }

    @Override
    public void setRate(double rate) {
    }

    @Override
    public void setVolume(int percent) {
    }

    @Override
    public void setMuted(boolean muted) {
    }

    @Override
    public void setLoop(long startMicros, long endMicros) {
        loop = List.of(startMicros, endMicros);
    }

    @Override
    public void clearLoop() {
        loop = null;
    }
}
