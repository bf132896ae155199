package org.frameproof.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.frameproof.domain.Case;
import org.frameproof.domain.Footage;
import org.frameproof.domain.Provenance;
import org.frameproof.store.StoredMediaFacts;

/**
 * The records as JSON, every field, times in UTC: what {@code --json} prints. The audit log keeps
 * its own encoding ({@link org.frameproof.evidence.audit.AuditedRecords}), so these names may change.
 */
public final class RecordJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordJson() {
    }

    public static ObjectNode of(Case investigation) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", investigation.id());
        node.put("title", investigation.title());
        node.put("description", investigation.description());
        node.put("createdBy", investigation.createdBy());
        node.put("createdAt", text(investigation.createdAt()));
        return node;
    }

    public static ObjectNode of(Footage footage) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", footage.id());
        node.put("caseId", footage.caseId());
        node.put("sha256", footage.sha256());
        node.put("md5", footage.md5());
        node.put("sizeBytes", footage.sizeBytes());
        node.put("originalName", footage.originalName());
        node.put("originalPath", footage.originalPath());
        node.put("importedBy", footage.importedBy().name());
        node.put("importedRole", footage.importedBy().role().name());
        node.put("importedAt", text(footage.importedAt()));
        node.put("machine", footage.machine());
        node.put("appVersion", footage.appVersion());
        node.set("mediaFacts", footage.mediaFacts() == null ? null : StoredMediaFacts.json(footage.mediaFacts()));
        Provenance provenance = footage.provenance();
        node.put("sourceUrl", provenance.sourceUrl());
        node.put("platform", provenance.platform());
        node.put("poster", provenance.poster());
        node.put("firstSeenAt", text(provenance.firstSeenAt()));
        node.put("firstSeenBasis", provenance.firstSeenBasis());
        node.put("graphicViolence", provenance.graphicViolence());
        node.put("identifiablePeople", provenance.identifiablePeople());
        node.put("status", footage.status().label());
        node.put("statusReason", footage.statusReason());
        if (footage.basis() == null) {
            node.putNull("basis");
        } else {
            node.putObject("basis").put("source", footage.basis().source()).put("date", footage.basis().date())
                    .put("place", footage.basis().place());
        }
        node.put("duplicateOf", footage.duplicateOf());
        node.put("integrity", footage.integrity().label());
        node.put("integrityCheckedAt", text(footage.integrityCheckedAt()));
        return node;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
