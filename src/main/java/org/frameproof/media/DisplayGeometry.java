package org.frameproof.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_get;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.IntPointer;

/**
 * How a stream's coded picture becomes the picture a reviewer sees.
 *
 * <p>A non-square sample aspect ratio stretches the width (the height stays, as players do);
 * then the picture turns clockwise by {@code rotation} degrees, read from the display matrix and
 * rounded to a quarter turn. Mirroring in a display matrix is not applied (cameras do not write it).
 *
 * @param scaledWidth the width after the sample aspect ratio, before rotation
 * @param height the coded height (before rotation)
 */
record DisplayGeometry(int scaledWidth, int height, int rotation) {

    static DisplayGeometry of(AVCodecParameters parameters) {
        int width = parameters.width();
        AVRational aspect = parameters.sample_aspect_ratio();
        if (aspect.num() > 0 && aspect.den() > 0 && aspect.num() != aspect.den()) {
            // Even widths keep 4:2:0 chroma aligned and are what every player shows.
            width = (int) Math.max(2, Math.round(width * (double) aspect.num() / aspect.den() / 2) * 2);
        }
        return new DisplayGeometry(width, parameters.height(), rotation(parameters));
    }

    int displayWidth() {
        return quarterTurned() ? height : scaledWidth;
    }

    int displayHeight() {
        return quarterTurned() ? scaledWidth : height;
    }

    private boolean quarterTurned() {
        return rotation == 90 || rotation == 270;
    }

    private static int rotation(AVCodecParameters parameters) {
        AVPacketSideData matrix = av_packet_side_data_get(parameters.coded_side_data(),
                parameters.nb_coded_side_data(), AV_PKT_DATA_DISPLAYMATRIX);
        if (matrix == null || matrix.isNull() || matrix.size() < 9 * 4) {
            return 0;
        }
        double counterClockwise = av_display_rotation_get(new IntPointer(matrix.data()));
        if (Double.isNaN(counterClockwise)) {
            return 0;
        }
        long quarterTurns = Math.round(-counterClockwise / 90.0);
        return (int) Math.floorMod(quarterTurns * 90, 360);
    }

    /** Turns {@code source} ({@code width} x {@code height}) clockwise by this geometry's rotation. */
    int[] rotate(int[] source, int width, int height) {
        if (rotation == 0) {
            return source;
        }
        int[] target = new int[source.length];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int pixel = source[row + x];
                switch (rotation) {
                    case 90 -> target[x * height + (height - 1 - y)] = pixel;
                    case 180 -> target[(height - 1 - y) * width + (width - 1 - x)] = pixel;
                    default -> target[(width - 1 - x) * height + y] = pixel;
                }
            }
        }
        return target;
    }
}
