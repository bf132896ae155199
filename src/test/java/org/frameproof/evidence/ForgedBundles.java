package org.frameproof.evidence;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.frameproof.domain.AuditEntry;
import org.frameproof.domain.Role;
import org.frameproof.exchange.ExportMonitor;
import org.frameproof.exchange.bundle.AgeEnvelope;
import org.frameproof.exchange.bundle.BundleManifest;
import org.frameproof.exchange.bundle.BundleTarWriter;
import org.frameproof.exchange.bundle.BundledWork;
import org.frameproof.store.ReviewerKeys;

/**
 * Forges bundles as an attacker who holds a recipient's key and an author's key would: opens one,
 * rewrites its work (recomputing each changed entry's audit hash, so only the signature can tell),
 * and writes it again with a manifest the author signs, encrypted with age to the same recipients.
 */
final class ForgedBundles {
    private ForgedBundles() {
    }

    static void rewriteWork(Path bundle, Path forged, ReviewerKeys recipient, ReviewerKeys author,
                            Function<BundledWork, String> newAfter) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        byte[] privateKey = recipient.encryptionPrivateKey();
        try (InputStream in = AgeEnvelope.decrypt(new BufferedInputStream(Files.newInputStream(bundle)), privateKey);
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.put(entry.getName(), tar.readAllBytes());
            }
        }
        BundleManifest manifest = BundleManifest.decode(entries.remove(BundleManifest.FILE_NAME)).manifest();
        List<BundledWork> rewritten = new ArrayList<>();
        for (BundledWork piece : BundledWork.decode(entries.get(BundleManifest.WORK))) {
            String after = newAfter.apply(piece);
            AuditEntry entry = new AuditEntry(piece.sequence(), piece.at(), piece.actor(), Role.valueOf(piece.role()),
                    piece.action(), piece.entity(), piece.entityId(), piece.before(), after, piece.previousHash(), null, null);
            rewritten.add(new BundledWork(piece.sequence(), piece.at(), piece.actor(), piece.role(), piece.action(),
                    piece.entity(), piece.entityId(), piece.before(), after, piece.previousHash(), AuditLog.hash(entry),
                    piece.signer(), piece.signature()));
        }
        entries.put(BundleManifest.WORK, BundledWork.encode(rewritten));
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(forged));
             OutputStream encrypted = AgeEnvelope.encrypt(file, List.of(recipient.encryptionPublicKey(),
                     author.encryptionPublicKey()));
             BundleTarWriter tar = new BundleTarWriter(encrypted, manifest.createdAt())) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                if (entry.getKey().startsWith(BundleManifest.FOOTAGE_FOLDER)) {
                    tar.add(entry.getKey(), entry.getValue().length, new java.io.ByteArrayInputStream(entry.getValue()),
                            ExportMonitor.NONE, 0, entry.getValue().length);
                } else {
                    tar.add(entry.getKey(), entry.getValue());
                }
            }
            BundleManifest resigned = new BundleManifest(manifest.bundleId(), manifest.author(), manifest.recipients(),
                    manifest.createdAt(), manifest.scope(), manifest.scopeName(), manifest.since(), tar.entries(),
                    manifest.headCount(), manifest.headSeal());
            tar.finish(resigned.encode(author.sign(resigned.signedBytes())));
        }
    }
}
