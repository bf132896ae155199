package org.frameproof.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import org.frameproof.domain.AuditEntry;
import org.frameproof.domain.CustodyEvent;
import org.frameproof.domain.Footage;
import org.frameproof.domain.UserFacingException;
import org.frameproof.evidence.audit.AuditRecord;
import org.frameproof.evidence.audit.AuditedRecords;
import org.frameproof.exchange.ExportMonitor;
import org.frameproof.exchange.IdentityFile;
import org.frameproof.exchange.bundle.AgeEnvelope;
import org.frameproof.exchange.bundle.BundleManifest;
import org.frameproof.exchange.bundle.BundleTarWriter;
import org.frameproof.exchange.bundle.BundledWork;
import org.frameproof.store.AuditRepository;
import org.frameproof.store.Database;
import org.frameproof.store.ReviewerKeys;
import org.frameproof.store.SignatureRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a bundle of a case or one footage item for named contacts (docs/decisions/0013-bundles.md):
 * the signed work about it in audit order, its footage records with custody, the footage originals
 * streamed out of the vault, the identities that sign, and the author's signed manifest last; all
 * in a tar stream encrypted with age to the contacts and the author. The bundle is written beside
 * its target and moved into place only when whole.
 */
final class BundleExport {
    private static final Logger LOG = LoggerFactory.getLogger(BundleExport.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final BundleStores stores;
    private final ReviewerKeys keys;
    private final Clock clock;

    BundleExport(Database database, BundleStores stores, ReviewerKeys keys, Clock clock) {
        this.database = database;
        this.stores = stores;
        this.keys = keys;
        this.clock = clock;
    }

    /** What was written: the bundle's manifest, the SHA-256 of the file, and what it holds. */
    record Written(BundleManifest manifest, String fileSha256, int footage, int originals, int work) {
    }

    Written write(BundleService.Scope scope, List<ContactService.Contact> to, boolean withFootage, BundleManifest since,
                  Path out, Progress progress) throws UserFacingException {
        List<Footage> items = stores.footageOf(scope);
        Set<String> shas = new LinkedHashSet<>();
        items.forEach(item -> shas.add(item.sha256()));
        ReviewerService.Listed own = stores.reviewers().own();
        long after = since == null ? 0 : since.headCount();
        Set<String> sentBefore = new LinkedHashSet<>();
        if (since != null) {
            since.entries().forEach(entry -> sentBefore.add(entry.name()));
        }
        List<BundledWork> work = work(items, shas, after);
        Map<String, String> identities = identities(own, work);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<byte[]> recipientKeys = new ArrayList<>();
        List<String> recipients = new ArrayList<>();
        recipientKeys.add(own.identity().encryptionKey());
        recipients.add(own.fingerprint().hex());
        for (ContactService.Contact contact : to) {
            if (!recipients.contains(contact.fingerprint().hex())) {
                recipientKeys.add(contact.identity().encryptionKey());
                recipients.add(contact.fingerprint().hex());
            }
        }
        List<Footage> originals = new ArrayList<>();
        long total = 0;
        for (Footage item : items) {
            boolean sent = sentBefore.contains(BundleManifest.FOOTAGE_FOLDER + item.sha256());
            if (withFootage && !sent && originals.stream().noneMatch(o -> o.sha256().equals(item.sha256()))) {
                originals.add(item);
                total += item.sizeBytes();
            }
        }
        Path partial = out.toAbsolutePath().resolveSibling("." + out.getFileName() + ".partial-" + UUID.randomUUID());
        MessageDigest fileDigest = sha256();
        BundleManifest manifest;
        try (OutputStream file = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)), fileDigest);
             OutputStream encrypted = AgeEnvelope.encrypt(file, recipientKeys);
             BundleTarWriter tar = new BundleTarWriter(encrypted, now)) {
            for (Map.Entry<String, String> identity : identities.entrySet()) {
                tar.add(BundleManifest.IDENTITY_FOLDER + identity.getKey() + ".json",
                        identity.getValue().getBytes(StandardCharsets.UTF_8));
            }
            tar.add(BundleManifest.FOOTAGE_RECORDS, footageRecords(items, originals));
            tar.add(BundleManifest.WORK, BundledWork.encode(work));
            long done = 0;
            ExportMonitor monitor = monitor(progress);
            for (Footage item : originals) {
                try (VaultReader reader = stores.vault().open(item.sha256(), item.originalName())) {
                    tar.add(BundleManifest.FOOTAGE_FOLDER + item.sha256(), reader.size(), new VaultStream(reader), monitor,
                            done, total);
                }
                done += item.sizeBytes();
            }
            manifest = new BundleManifest(UUID.randomUUID().toString(), own.fingerprint().hex(), recipients, now,
                    scope.kind(), scope.name(items), since == null ? null : since.bundleId(), tar.entries(),
                    stores.audit().head().count(), stores.audit().head().hash());
            tar.finish(manifest.encode(keys.sign(manifest.signedBytes())));
        } catch (CancellationException e) {
            discard(partial);
            throw new CancelledException("Cancelled: nothing was written to " + out.getFileName() + ".");
        } catch (IOException | RuntimeException e) {
            discard(partial);
            throw new UserFacingException("Could not write the bundle " + out.getFileName() + ": " + e.getMessage()
                    + ". Nothing was written.", e);
        }
        try {
            Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            discard(partial);
            throw new UserFacingException("Could not put the bundle at " + out + ": " + e.getMessage(), e);
        }
        String fileSha256 = HexFormat.of().formatHex(fileDigest.digest());
        stores.audit().record("bundle.export", "bundle", manifest.bundleId(), null, AuditRecord.builder()
                .text("bundleId", manifest.bundleId()).text("sha256", fileSha256).texts("recipients", recipients)
                .text("scope", manifest.scope()).text("scopeName", manifest.scopeName()).text("since", manifest.since())
                .number("footage", items.size()).number("originals", originals.size()).number("work", work.size()).build());
        return new Written(manifest, fileSha256, items.size(), originals.size(), work.size());
    }

    /** The signed work about the footage {@code items} and the findings on them, after entry {@code after}, in audit order. */
    private List<BundledWork> work(List<Footage> items, Set<String> shas, long after) throws UserFacingException {
        Set<String> footageIds = new LinkedHashSet<>();
        items.forEach(item -> footageIds.add(Long.toString(item.id())));
        Map<Long, SignatureRepository.Row> signatures = database.transaction(() -> new SignatureRepository(database).all());
        List<BundledWork> work = new ArrayList<>();
        UserFacingException[] failed = {null};
        database.transaction(() -> {
            new AuditRepository(database).forEachInOrder(entry -> {
                SignatureRepository.Row signature = signatures.get(entry.sequence());
                if (entry.sequence() <= after || signature == null || !Signer.isWork(entry)) {
                    return true;
                }
                try {
                    if (inScope(entry, footageIds, shas)) {
                        work.add(new BundledWork(entry.sequence(), entry.occurredAt(), entry.actor(), entry.role().name(),
                                entry.action(), entry.entityType(), entry.entityId(), entry.beforeJson(), entry.afterJson(),
                                entry.previousHash(), entry.entryHash(), signature.signer(), signature.signature()));
                    }
                } catch (UserFacingException e) {
                    failed[0] = e;
                    return false;
                }
                return true;
            });
            return null;
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        return work;
    }

    /** Footage work by the footage's id here; a finding's by the SHA-256 of its footage, which names it in any store. */
    private static boolean inScope(AuditEntry entry, Set<String> footageIds, Set<String> shas) throws UserFacingException {
        if ("footage".equals(entry.entityType())) {
            return footageIds.contains(entry.entityId());
        }
        String record = entry.afterJson() != null ? entry.afterJson() : entry.beforeJson();
        return record != null && shas.contains(AuditRecord.fields(record).path("footageSha256").asText());
    }

    /** The author's identity and every signer's this store knows, by hex fingerprint, as the store keeps them. */
    private Map<String, String> identities(ReviewerService.Listed own, List<BundledWork> work) throws UserFacingException {
        Map<String, String> known = new HashMap<>();
        for (ReviewerService.Listed reviewer : stores.reviewers().list()) {
            known.put(reviewer.fingerprint().hex(), IdentityFile.encode(reviewer.identity()));
        }
        for (ContactService.Contact contact : stores.contacts().list()) {
            known.put(contact.fingerprint().hex(), IdentityFile.encode(contact.identity()));
        }
        Map<String, String> identities = new LinkedHashMap<>();
        identities.put(own.fingerprint().hex(), IdentityFile.encode(own.identity()));
        for (BundledWork piece : work) {
            if (known.containsKey(piece.signer())) {
                identities.putIfAbsent(piece.signer(), known.get(piece.signer()));
            }
        }
        return identities;
    }

    private byte[] footageRecords(List<Footage> items, List<Footage> originals) throws UserFacingException {
        StringBuilder lines = new StringBuilder();
        for (Footage item : items) {
            ObjectNode line = JSON.createObjectNode();
            line.set("record", AuditedRecords.of(item).fields());
            var custody = line.putArray("custody");
            for (CustodyEvent event : stores.footage().custody(item.id())) {
                custody.add(AuditedRecords.of(event).fields());
            }
            line.put("original", originals.stream().anyMatch(o -> o.sha256().equals(item.sha256())));
            lines.append(line).append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ExportMonitor monitor(Progress progress) {
        return new ExportMonitor() {
            @Override
            public void progress(long done, long total) {
                progress.update("footage", done, total);
            }

            @Override
            public boolean isCancelled() {
                return progress.cancelled();
            }
        };
    }

    private static void discard(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            LOG.warn("A partial bundle could not be removed", e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    /** A vault copy's plaintext read from start to end. */
    private static final class VaultStream extends InputStream {
        private final VaultReader reader;
        private long position;

        VaultStream(VaultReader reader) {
            this.reader = reader;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            int read = reader.read(position, target, offset, length);
            if (read > 0) {
                position += read;
            }
            return read;
        }
    }
}
