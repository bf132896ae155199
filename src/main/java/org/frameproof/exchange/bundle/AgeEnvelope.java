package org.frameproof.exchange.bundle;

import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.RecipientStanzaWriter;
import com.exceptionfactory.jagged.UnsupportedRecipientStanzaException;
import com.exceptionfactory.jagged.bech32.Bech32;
import com.exceptionfactory.jagged.framework.stream.StandardDecryptingChannelFactory;
import com.exceptionfactory.jagged.framework.stream.StandardEncryptingChannelFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaReaderFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaWriterFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.frameproof.domain.platform.BulkCrypto;

/**
 * The age format (age-encryption.org/v1) around a bundle, with X25519 recipients, written and read
 * by Jagged: any holder of a recipient's key can also open a bundle with the age tool
 * (docs/decisions/0013-bundles.md). Keys are the raw 32 bytes the reviewer's identity carries.
 */
public final class AgeEnvelope {
    private static final String RECIPIENT_PREFIX = "age";
    private static final String IDENTITY_PREFIX = "age-secret-key-";

    private AgeEnvelope() {
    }

    /** What goes wrong opening an envelope: it is not for this key, or its bytes are not as written. */
    public static final class Unopenable extends IOException {
        private final boolean notAddressed;

        Unopenable(String message, boolean notAddressed, Throwable cause) {
            super(message, cause);
            this.notAddressed = notAddressed;
        }

        /** Whether the header holds no recipient this key opens (rather than being damaged). */
        public boolean notAddressed() {
            return notAddressed;
        }
    }

    /** A stream that encrypts what is written to it into {@code out} for each of the X25519 public keys. */
    public static OutputStream encrypt(OutputStream out, List<byte[]> recipientKeys) throws IOException {
        try {
            List<RecipientStanzaWriter> writers = new ArrayList<>();
            for (byte[] key : recipientKeys) {
                writers.add(X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(recipient(key)));
            }
            return Channels.newOutputStream(new StandardEncryptingChannelFactory(BulkCrypto.provider())
                    .newEncryptingChannel(Channels.newChannel(out), writers));
        } catch (GeneralSecurityException e) {
            throw new IOException("a recipient's key is not an X25519 public key", e);
        }
    }

    /**
     * A stream of the plaintext of {@code in}, opened with the X25519 private key {@code privateKey}.
     * Each chunk is authenticated as it is read; a damaged chunk, a cut end or a header for other keys
     * fails with {@link Unopenable}.
     */
    public static InputStream decrypt(InputStream in, byte[] privateKey) throws IOException {
        RecipientStanzaReader reader;
        try {
            reader = X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(identity(privateKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an X25519 private key", e);
        }
        InputStream plain;
        try {
            plain = Channels.newInputStream(new StandardDecryptingChannelFactory(BulkCrypto.provider())
                    .newDecryptingChannel(Channels.newChannel(in), List.of(reader)));
        } catch (GeneralSecurityException e) {
            throw unopenable(e);
        }
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int read = read(one, 0, 1);
                return read < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                try {
                    return plain.read(buffer, offset, length);
                } catch (IOException e) {
                    throw new Unopenable("its content is damaged or cut short (" + e.getMessage() + ")", false, e);
                }
            }

            @Override
            public void close() throws IOException {
                plain.close();
            }
        };
    }

    /** No stanza of the header opens with this key: it is for others (or that stanza was damaged, which reads alike). */
    private static Unopenable unopenable(GeneralSecurityException e) {
        boolean notAddressed = e instanceof UnsupportedRecipientStanzaException;
        return new Unopenable(notAddressed ? "it is not addressed to this key" : "its header is damaged (" + e.getMessage() + ")",
                notAddressed, e);
    }

    /** The age recipient ({@code age1…}) of a raw X25519 public key. */
    public static String recipient(byte[] publicKey) {
        return Bech32.getEncoder().encode(RECIPIENT_PREFIX, publicKey).toString();
    }

    /** The age identity ({@code AGE-SECRET-KEY-1…}) of a raw X25519 private key, as the age tool reads it. */
    public static String identity(byte[] privateKey) {
        return Bech32.getEncoder().encode(IDENTITY_PREFIX, privateKey).toString().toUpperCase(Locale.ROOT);
    }
}
