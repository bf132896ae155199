package org.frameproof.media;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;

/**
 * How the probe child reads the video its parent holds: the child cannot open a vault copy (it holds
 * no key, and learns no path), so it asks for bytes by position and the parent serves them.
 *
 * <p>The parent first writes the video's name and size on the child's standard input. The child
 * asks with a line {@code read POSITION LENGTH} on its standard error (beside its progress lines);
 * the parent answers on standard input with the number of bytes and the bytes, {@link #END} at the
 * end, or {@link #FAILED} and a one-line reason.
 */
final class ByteRequests {
    static final String READ = "read ";
    /** The most bytes one answer carries: the child asks again for more. */
    static final int MOST_BYTES = 1 << 20;
    private static final int END = -1;
    private static final int FAILED = -2;

    private ByteRequests() {
    }

    /** Parent: tells the child what it will read. */
    static void introduce(String name, long size, DataOutputStream toChild) throws IOException {
        toChild.writeUTF(name);
        toChild.writeLong(size);
        toChild.flush();
    }

    /**
     * Parent: answers one request line of the child's. A request outside what the protocol allows
     * is answered as a failure, never served.
     */
    static void serve(String request, SeekableBytes bytes, byte[] buffer, DataOutputStream toChild) throws IOException {
        try {
            String[] parts = request.substring(READ.length()).split(" ");
            long position = Long.parseLong(parts[0]);
            int length = Math.min(Math.min(Integer.parseInt(parts[1]), MOST_BYTES), buffer.length);
            if (position < 0 || length < 0) {
                throw new IOException("a request for bytes at " + position + " is outside the video");
            }
            int read = length == 0 ? 0 : bytes.read(position, buffer, 0, length);
            if (read < 0) {
                toChild.writeInt(END);
            } else {
                toChild.writeInt(read);
                toChild.write(buffer, 0, read);
            }
        } catch (IOException | RuntimeException e) {
            toChild.writeInt(FAILED);
            toChild.writeUTF(String.valueOf(e.getMessage()));
        }
        toChild.flush();
    }

    /** Child: the parent's video, read by asking. One reader at a time; closing it closes nothing. */
    static final class FromParent implements SeekableBytes {
        private final DataInputStream fromParent;
        private final PrintStream toParent;
        private final String name;
        private final long size;

        private FromParent(DataInputStream fromParent, PrintStream toParent, String name, long size) {
            this.fromParent = fromParent;
            this.toParent = toParent;
            this.name = name;
            this.size = size;
        }

        /** Reads the parent's introduction. */
        static FromParent connect(DataInputStream fromParent, PrintStream toParent) throws IOException {
            String name = fromParent.readUTF();
            return new FromParent(fromParent, toParent, name, fromParent.readLong());
        }

        String name() {
            return name;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public synchronized int read(long position, byte[] target, int offset, int length) throws IOException {
            toParent.println(READ + position + " " + Math.min(length, MOST_BYTES));
            toParent.flush();
            int answer = fromParent.readInt();
            if (answer == END) {
                return -1;
            }
            if (answer == FAILED) {
                throw new IOException(fromParent.readUTF());
            }
            if (answer < 0 || answer > length) {
                throw new IOException("the parent process answered out of turn");
            }
            fromParent.readFully(target, offset, answer);
            return answer;
        }

        @Override
        public void close() {
            // The channel serves every reader of the one video and ends with the process.
        }
    }
}
