package org.frameproof.ui.inspector;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.frameproof.domain.Annotation;
import org.frameproof.domain.AnnotationKind;
import org.frameproof.domain.Case;
import org.frameproof.domain.Confidence;
import org.frameproof.domain.Coordinates;
import org.frameproof.domain.Finding;
import org.frameproof.domain.FindingDraft;
import org.frameproof.domain.FindingField;
import org.frameproof.domain.Footage;
import org.frameproof.domain.FrameSpan;
import org.frameproof.domain.UserFacingException;
import org.frameproof.domain.Vocabulary;
import org.frameproof.evidence.AnnotationContent;
import org.frameproof.evidence.CaseService;
import org.frameproof.evidence.VocabularyService;
import org.frameproof.ui.review.AnnotationSession;
import org.frameproof.ui.review.ConflictMarks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The form of the selected annotation: its common fields, the fields of its kind as text the
 * reviewer types, and its medical review. {@link #save()} turns the text into content and saves it
 * through the session (immediately and durably); {@link #revert()} puts back what is stored.
 */
public final class InspectorViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(InspectorViewModel.class);

    private final AnnotationSession session;
    private final VocabularyService vocabularies;
    private final CaseService cases;
    private final ReviewPanelViewModel review;
    private final ConflictPanelViewModel conflict;

    private final ReadOnlyObjectWrapper<Annotation> annotation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper imported = new ReadOnlyStringWrapper("");
    private final StringProperty observation = new SimpleStringProperty("");
    private final StringProperty interpretation = new SimpleStringProperty("");
    private final ObjectProperty<Confidence> confidence = new SimpleObjectProperty<>();
    private final StringProperty tags = new SimpleStringProperty("");
    private final Map<FindingField, StringProperty> fields = new EnumMap<>(FindingField.class);
    private final Map<FindingField, ObservableList<String>> choices = new EnumMap<>(FindingField.class);
    private final ReadOnlyStringWrapper formMessage = new ReadOnlyStringWrapper("");

    public InspectorViewModel(AnnotationSession session, VocabularyService vocabularies, CaseService cases,
                              ConflictMarks conflicts) {
        this.session = session;
        this.vocabularies = vocabularies;
        this.cases = cases;
        this.review = new ReviewPanelViewModel(session);
        this.conflict = new ConflictPanelViewModel(session, conflicts);
        for (FindingField field : FindingField.values()) {
            if (field.form() != null) {
                fields.put(field, new SimpleStringProperty(""));
                if (field.vocabulary() != null) {
                    choices.put(field, FXCollections.observableArrayList());
                }
            }
        }
        session.selectedProperty().addListener((observable, old, selected) -> {
            // Choosing another annotation keeps what was typed into this one.
            if (old != null && (selected == null || !old.id().equals(selected.id())) && hasChanges()) {
                save();
            }
            show(selected);
        });
        session.footageProperty().addListener((observable, old, item) -> loadVocabularies(item));
        loadVocabularies(null);
    }

    private void loadVocabularies(Footage item) {
        try {
            Case investigation = item == null ? null
                    : cases.listCases().stream().filter(c -> c.id() == item.caseId()).findFirst().orElse(null);
            for (Map.Entry<FindingField, ObservableList<String>> list : choices.entrySet()) {
                Vocabulary vocabulary = list.getKey().vocabulary();
                list.getValue().setAll(investigation == null ? vocabularies.defaults(vocabulary)
                        : vocabularies.terms(vocabulary, investigation));
            }
        } catch (UserFacingException e) {
            formMessage.set(e.getMessage());
        }
    }

    /**
     * Fills the form from an example of each kind in turn, then empties it again, calling
     * {@code layOut} while each is shown: the view builds every kind's form before the first
     * annotation needs it. Only while nothing is selected; nothing is saved.
     */
    void rehearse(Runnable layOut) {
        if (annotation.get() != null) {
            return;
        }
        for (AnnotationKind kind : AnnotationKind.values()) {
            AnnotationContent empty = AnnotationContent.empty(kind);
            show(new Annotation("", 0, "", new FrameSpan(0, 0, 0, 0), "", null, null, List.of(), null, empty.finding(),
                    session.reviewer().name(), session.reviewer().role(), Instant.EPOCH, null));
            layOut.run();
        }
        show(null);
    }

    /** Fills the form from an annotation as stored (or empties it for none). */
    private void show(Annotation shown) {
        annotation.set(shown);
        formMessage.set("");
        fields.values().forEach(field -> field.set(""));
        if (shown == null) {
            heading.set("");
            details.set("");
            imported.set("");
            observation.set("");
            interpretation.set("");
            confidence.set(null);
            tags.set("");
            return;
        }
        heading.set(shown.kind().label() + " · " + frames(shown));
        details.set("By " + shown.author() + " (" + shown.role().label() + ")" + (shown.region() == null ? ""
                : " · region " + RevisionDifferences.region(shown.region())));
        imported.set(shown.imported() == null ? "" : shown.imported().describe() + "."
                + (shown.imported().claimedReview() == null ? "" : "\n" + shown.imported().describeClaimedReview() + "."));
        observation.set(shown.observation() == null ? "" : shown.observation());
        interpretation.set(text(shown.interpretation()));
        confidence.set(shown.confidence());
        tags.set(String.join(", ", shown.tags()));
        for (FindingField field : fields.keySet()) {
            if (field.kind() == shown.kind()) {
                set(field, formText(field, field.valueOf(shown.finding())));
            }
        }
    }

    static String frames(Annotation shown) {
        return shown.span().isPoint() ? "frame " + shown.span().startFrame()
                : "frames " + shown.span().startFrame() + "–" + shown.span().endFrame();
    }

    /**
     * Saves the form through the session. Text that cannot be read (a coordinate, a count), or
     * anything the service refuses (a claimed force without its basis), is refused with
     * {@link #formMessageProperty()} saying why, and nothing is saved.
     *
     * @return true when saved (or nothing had changed)
     */
    public boolean save() {
        Annotation shown = annotation.get();
        if (shown == null) {
            return true;
        }
        try {
            AnnotationContent content = new AnnotationContent(observation.get(), interpretation.get(), confidence.get(),
                    terms(tags.get(), ","), shown.region(), finding(shown.kind()));
            if (!session.save(shown.id(), content)) {
                formMessage.set(session.messageProperty().get());
                return false;
            }
            formMessage.set("");
            return true;
        } catch (UserFacingException e) {
            formMessage.set(e.getMessage());
            return false;
        }
    }

    /**
     * Puts back the stored fields, dropping what was typed since the last save; an annotation
     * just created by keys 1-4 and never saved since is taken back altogether.
     */
    public void revert() {
        Annotation shown = annotation.get();
        if (shown == null || !session.discardIfUntouched(shown.id())) {
            show(shown);
        }
    }

    /** True when the form holds text that differs from what is stored. */
    public boolean hasChanges() {
        Annotation shown = annotation.get();
        if (shown == null) {
            return false;
        }
        try {
            return !new AnnotationContent(observation.get(), interpretation.get(), confidence.get(),
                    terms(tags.get(), ","), shown.region(), finding(shown.kind())).equals(AnnotationContent.of(shown));
        } catch (UserFacingException e) {
            LOG.debug("The form does not hold a valid annotation; counted as changed", e);
            return true;
        }
    }

    /** The form's text as a finding of {@code kind}; the medical review is not the form's to set. */
    private Finding finding(AnnotationKind kind) throws UserFacingException {
        FindingDraft draft = new FindingDraft(kind);
        String latitude = null;
        String longitude = null;
        for (FindingField field : fields.keySet()) {
            if (field.kind() != kind) {
                continue;
            }
            String text = value(field);
            switch (field.type()) {
                case TEXT -> draft.set(field, text);
                case COUNT -> draft.set(field, count(field, text));
                case LATITUDE -> latitude = text;
                case LONGITUDE -> longitude = text;
                case TEXT_LIST -> draft.set(field, terms(fields.get(field).get(), ";"));
            }
        }
        // A pasted pair "39.75, 46.74" or "39°45'N 46°44'E" in the latitude field fills both.
        if (latitude != null && longitude == null) {
            String[] pair = latitude.split("\\s*[,;]\\s*|(?<=[NSns])\\s+");
            if (pair.length == 2) {
                latitude = pair[0];
                longitude = pair[1];
            }
        }
        for (FindingField field : FindingField.of(kind)) {
            if (field.type() == FindingField.Type.LATITUDE && latitude != null) {
                draft.set(field, Coordinates.latitude(latitude));
            } else if (field.type() == FindingField.Type.LONGITUDE && longitude != null) {
                draft.set(field, Coordinates.longitude(longitude));
            }
        }
        return draft.build();
    }

    private static Integer count(FindingField field, String text) throws UserFacingException {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new UserFacingException("The number of " + field.unit() + " is a whole number, not '" + text + "'.");
        }
    }

    /** A stored value as the form's text: lists separated by "; ". */
    private static String formText(FindingField field, Object value) {
        if (value == null) {
            return null;
        }
        return field.type() == FindingField.Type.TEXT_LIST ? String.join("; ", ((List<?>) value).stream().map(String::valueOf).toList()) : value.toString();
    }

    private String value(FindingField field) {
        String text = fields.get(field).get();
        return text == null || text.isBlank() ? null : text.strip();
    }

    private void set(FindingField field, String value) {
        fields.get(field).set(text(value));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static List<String> terms(String text, String separator) {
        return text == null ? List.of() : Arrays.stream(text.split(separator)).map(String::strip)
                .filter(term -> !term.isEmpty()).toList();
    }

    // ---- properties

    /** The annotation the form shows, or null. */
    public ReadOnlyObjectProperty<Annotation> annotationProperty() {
        return annotation.getReadOnlyProperty();
    }

    /** "Injury · frames 10–24". */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** Author, role and region. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /**
     * For an imported annotation, where it came from ("Imported from FILE (sha256 …) by NAME at
     * TIME; author, role and review are the file's claims") and the review its file claims; empty
     * for one made here.
     */
    public ReadOnlyStringProperty importedProperty() {
        return imported.getReadOnlyProperty();
    }

    public StringProperty observationProperty() {
        return observation;
    }

    public StringProperty interpretationProperty() {
        return interpretation;
    }

    public ObjectProperty<Confidence> confidenceProperty() {
        return confidence;
    }

    /** Tags separated by commas. */
    public StringProperty tagsProperty() {
        return tags;
    }

    public StringProperty field(FindingField field) {
        return fields.get(field);
    }

    /** The vocabulary a field offers (the case's terms after the defaults); empty for free-text fields. */
    public ObservableList<String> choices(FindingField field) {
        return choices.getOrDefault(field, FXCollections.emptyObservableList());
    }

    /** The review part: state, signer, review, and the steps of review. */
    public ReviewPanelViewModel review() {
        return review;
    }

    /** The conflict part: this store's revision beside those received, and keeping one. */
    public ConflictPanelViewModel conflict() {
        return conflict;
    }

    /** Why the form was not saved, empty after a save. */
    public ReadOnlyStringProperty formMessageProperty() {
        return formMessage.getReadOnlyProperty();
    }
}
