package org.frameproof.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.Finding;
import org.frameproof.domain.Region;
import org.frameproof.domain.ReviewState;
import org.frameproof.domain.UserFacingException;
import org.frameproof.domain.VisibleText;
import org.frameproof.evidence.AnnotationContent;
import org.frameproof.evidence.AnnotationQuery;
import org.frameproof.evidence.BundleService;
import org.frameproof.evidence.EvidenceStore;
import org.frameproof.evidence.FrameSources;
import org.frameproof.evidence.SearchHit;
import org.frameproof.evidence.WorkSignatures;
import org.frameproof.exchange.AnnotationJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code frameproof annotations add|list|show|delete|import} (and the review steps of
 * {@link ReviewCommands}), {@code search} and {@code export}: the annotation workflow without a
 * screen, on the same services as the UI.
 */
public final class AnnotationCommands {
    private static final Logger LOG = LoggerFactory.getLogger(AnnotationCommands.class);

    private static final AnnotationJson AS_JSON = new AnnotationJson(Subcommand.JSON);

    private AnnotationCommands() {
    }

    public static void register(CommandLine root, StoreAccess access, FrameSources frames) {
        CommandLine annotations = new CommandLine(new Annotations())
                .addSubcommand(Add.command(access))
                .addSubcommand(new ListAnnotations(access))
                .addSubcommand(new Show(access));
        ReviewCommands.register(annotations, access);
        root.addSubcommand(annotations
                .addSubcommand(new Delete(access))
                .addSubcommand(new AnnotationImportCommand(access))
                .addSubcommand(new ResolveCommand(access)));
        root.addSubcommand(new Search(access));
        root.addSubcommand(new ExportCommand(access, frames));
        // picocli copies a handler only to the subcommands present when it is set.
        root.setExecutionExceptionHandler(root.getExecutionExceptionHandler());
    }

    @Command(name = "annotations", description = "Add, list, show, submit, confirm, reject, seal, unseal, delete and"
            + " import annotations.",
            mixinStandardHelpOptions = true)
    static final class Annotations {
    }

    @Command(name = "add", description = "Annotate a frame or a range of frames; prints the new annotation's id.",
            mixinStandardHelpOptions = true, sortOptions = false)
    static final class Add extends StoreCommand {
        @Option(names = "--footage", required = true, paramLabel = "ID", description = "The footage item.")
        long footageId;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Frames frames;

        static final class Frames {
            @Option(names = "--frame", paramLabel = "N", description = "One frame (0-based, presentation order).")
            Integer frame;

            @ArgGroup(exclusive = false)
            Range range;
        }

        static final class Range {
            @Option(names = "--in", required = true, paramLabel = "N", description = "First frame of a range.")
            int in;

            @Option(names = "--out", required = true, paramLabel = "M", description = "Last frame of a range.")
            int out;
        }

        @Option(names = "--kind", required = true, paramLabel = "KIND", description = "injury, location, uniform or note.")
        String kind;

        @Option(names = "--observation", required = true, paramLabel = "TEXT", description = "What is seen.")
        String observation;

        @Option(names = "--interpretation", paramLabel = "TEXT", description = "What it means.")
        String interpretation;

        @Option(names = "--confidence", paramLabel = "LEVEL", description = "low, medium or high.")
        String confidence;

        @Option(names = "--tag", paramLabel = "T", description = "A tag (repeat for more).")
        List<String> tags = new ArrayList<>();

        @Option(names = "--region", paramLabel = "x,y,w,h", description = "A rectangle in whole pixels of the frame as displayed, w and h at least 1, inside the frame.")
        String region;

        @Option(names = "--region-shape", paramLabel = "SHAPE", description = "rectangle (default) or ellipse.")
        String regionShape;

        /** The finding's own options, declared with its fields. */
        private final FindingOptions findingOptions = new FindingOptions();

        Add(StoreAccess access) {
            super(access);
        }

        static CommandLine command(StoreAccess access) {
            Add add = new Add(access);
            CommandLine command = new CommandLine(add);
            add.findingOptions.addTo(command.getCommandSpec());
            return command;
        }

        @Override
        int run(EvidenceStore store) throws UserFacingException {
            AnnotationKind annotationKind = AnnotationKind.parse(kind);
            Finding finding = findingOptions.finding(annotationKind);
            AnnotationContent content = new AnnotationContent(observation, interpretation, confidence(), tags,
                    region(), finding);
            int start = frames.frame != null ? frames.frame : frames.range.in;
            int end = frames.frame != null ? frames.frame : frames.range.out;
            Annotation created = store.annotations().create(footageId, start, end, content);
            out().println(created.id());
            return 0;
        }

        private Confidence confidence() throws UserFacingException {
            if (confidence == null) {
                return null;
            }
            for (Confidence level : Confidence.values()) {
                if (level.name().equalsIgnoreCase(confidence.strip())) {
                    return level;
                }
            }
            throw new UserFacingException("'" + confidence + "' is not a confidence: use low, medium or high.");
        }

        private Region region() throws UserFacingException {
            Region.Shape shape = Region.Shape.RECTANGLE;
            if (regionShape != null) {
                try {
                    shape = Region.Shape.valueOf(regionShape.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new UserFacingException("'" + regionShape + "' is not a region shape: use rectangle or ellipse.");
                }
            }
            if (region == null) {
                if (regionShape != null) {
                    throw new UserFacingException("--region-shape needs --region x,y,w,h.");
                }
                return null;
            }
            String[] parts = region.split(",");
            try {
                if (parts.length == 4) {
                    double w = Double.parseDouble(parts[2].strip());
                    double h = Double.parseDouble(parts[3].strip());
                    if (w > 0 && h > 0) {
                        return new Region(shape, Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()), w, h);
                    }
                }
            } catch (NumberFormatException e) {
                // Reported below, with the expected form.
                LOG.debug("A region given on the command line holds something that is not a number", e);
            }
            throw new UserFacingException("'" + region + "' is not a region: write x,y,w,h in frame pixels with w and h above 0"
                    + " (e.g. 120,80,64,48).");
        }
    }

    @Command(name = "list", description = {"List the annotations of a footage item or a case, by frame.",
            "With --json, each also gives its review state (state: draft, submitted, confirmed, rejected, sealed), who"
            + " signed its latest revision (signedBy: name, fingerprint) and whether that signature holds"
            + " (signatureValid: true, false, or null for work from before signatures or by a key this store does not"
            + " know), its review (review: verdict, reviewer, fingerprint, whether this store counts it), and whether it"
            + " is in conflict with revisions received in a bundle (conflict: null, or those revisions; see"
            + " `annotations resolve`)."},
            mixinStandardHelpOptions = true)
    static final class ListAnnotations extends StoreCommand {
        @ArgGroup(exclusive = true, multiplicity = "1")
        CaseOrFootage scope;

        @Option(names = "--state", paramLabel = "STATE",
                description = "Only findings in this state: draft, submitted, confirmed, rejected or sealed.")
        String state;

        @Option(names = "--waiting-for-me", description = "Only submitted findings you may confirm or reject (not your"
                + " own, of a kind your role reviews).")
        boolean waitingForMe;

        @Mixin
        JsonArrayOption format;

        ListAnnotations(StoreAccess access) {
            super(access);
        }

        @Override
        int run(EvidenceStore store) throws UserFacingException {
            AnnotationQuery query;
            if (scope.footageId != null) {
                store.footage().require(scope.footageId);
                query = AnnotationQuery.footage(scope.footageId);
            } else {
                query = AnnotationQuery.inCase(store.cases().require(scope.caseName).id());
            }
            if (state != null) {
                query = query.withStates(Set.of(ReviewState.parse(state)));
            }
            List<Annotation> annotations = waitingForMe ? store.annotations().waitingForMe(query)
                    : store.annotations().list(query);
            Map<String, WorkSignatures.Status> signed = format.json
                    ? store.signatures().ofLatest("annotation", annotations.stream().map(Annotation::id).toList()) : Map.of();
            Map<String, List<BundleService.ConflictRevision>> conflicts = format.json
                    ? store.bundles().conflicts(annotations.stream().map(Annotation::id).toList()) : Map.of();
            Map<String, WorkSignatures.ReviewWeight> reviews = format.json
                    ? store.signatures().reviewsOf(annotations) : Map.of();
            printList(format, annotations, annotation -> {
                ObjectNode fields = AS_JSON.write(annotation, null);
                SignedByFields.addTo(fields, Optional.ofNullable(signed.get(annotation.id())));
                SignedByFields.addToReview(fields, Optional.ofNullable(reviews.get(annotation.id())));
                ConflictFields.addTo(fields, conflicts.get(annotation.id()));
                return fields;
            }, AnnotationCommands::line);
            return 0;
        }
    }

    @Command(name = "show", description = "Show every field of one annotation, its review state, who signed its latest"
            + " revision (name and fingerprint) and whether the signature holds, and its review (who, their fingerprint,"
            + " whether this store counts it).", mixinStandardHelpOptions = true)
    static final class Show extends StoreCommand {
        @Parameters(paramLabel = "ID", description = "The annotation's id.")
        String id;

        @Option(names = "--json", description = "Print a JSON object.")
        boolean json;

        Show(StoreAccess access) {
            super(access);
        }

        @Override
        int run(EvidenceStore store) throws UserFacingException {
            Annotation annotation = store.annotations().require(id);
            ObjectNode fields = AS_JSON.write(annotation, null);
            Optional<WorkSignatures.Status> signed = store.signatures().ofLatest("annotation", annotation.id());
            List<BundleService.ConflictRevision> conflict = store.bundles().conflicts(List.of(annotation.id())).get(annotation.id());
            Optional<WorkSignatures.ReviewWeight> review = Optional.ofNullable(
                    store.signatures().reviewsOf(List.of(annotation)).get(annotation.id()));
            if (json) {
                SignedByFields.addTo(fields, signed);
                SignedByFields.addToReview(fields, review);
                ConflictFields.addTo(fields, conflict);
                printJson(fields);
                return 0;
            }
            fields.remove("review"); // printed in words below
            if (annotation.imported() != null) {
                // The mark and the claim in words rather than as JSON.
                fields.put("imported", annotation.imported().describe());
                fields.put("claimedReview", annotation.imported().describeClaimedReview());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                if (!value.isNull() && !(value.isArray() && value.isEmpty())) {
                    out().printf("%-18s %s%n", field.getKey(),
                            VisibleText.escape(value.isTextual() ? value.textValue() : value.toString()));
                }
            }
            SignedByFields.print(out(), signed);
            SignedByFields.printReview(out(), annotation.review(), review);
            ConflictFields.print(out(), conflict);
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete an annotation (its history stays in the audit log).",
            mixinStandardHelpOptions = true)
    static final class Delete extends StoreCommand {
        @Parameters(paramLabel = "ID", description = "The annotation's id.")
        String id;

        Delete(StoreAccess access) {
            super(access);
        }

        @Override
        int run(EvidenceStore store) throws UserFacingException {
            store.annotations().delete(id);
            out().println("Deleted " + id + ".");
            return 0;
        }
    }

    @Command(name = "search", description = "Search the annotations of every case (observation, interpretation, tags, place names).",
            mixinStandardHelpOptions = true)
    static final class Search extends StoreCommand {
        @Parameters(paramLabel = "TEXT", description = "Words to find (each matches the start of a word; all must match).")
        String text;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "The most results to print (default ${DEFAULT-VALUE}).")
        int limit;

        @Mixin
        JsonArrayOption format;

        Search(StoreAccess access) {
            super(access);
        }

        @Override
        int run(EvidenceStore store) throws UserFacingException {
            List<SearchHit> hits = store.annotations().search(text, limit);
            printList(format, hits, hit -> AS_JSON.write(hit.annotation(), null)
                            .put("caseId", hit.caseId()).put("caseTitle", hit.caseTitle()).put("footageName", hit.footageName()),
                    hit -> hit.caseTitle() + "  " + hit.footageName() + "  " + line(hit.annotation()));
            return 0;
        }
    }

    /** One annotation on one line: id, kind, frames, review state, observation. */
    static String line(Annotation annotation) {
        String frames = annotation.span().isPoint() ? Integer.toString(annotation.span().startFrame())
                : annotation.span().startFrame() + "-" + annotation.span().endFrame();
        return annotation.id() + "  " + annotation.kind().code() + "  frame " + frames + "  "
                + annotation.status().state().label() + "  "
                + (annotation.imported() == null ? "" : "[imported]  ") + annotation.observation();
    }
}
