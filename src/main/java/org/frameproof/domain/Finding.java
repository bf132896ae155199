package org.frameproof.domain;

import java.util.List;

/** The kind-specific part of an annotation; observation and interpretation live on the annotation. */
public sealed interface Finding {
    AnnotationKind kind();

    /** An injury seen on a body. Left and right are the victim's. */
    record Injury(String bodyRegion, String injuryType, Integer count, String timing, String consistentWith)
            implements Finding {
        public AnnotationKind kind() {
            return AnnotationKind.INJURY;
        }
    }

    /** Where the footage was filmed, and how that was established. */
    record Location(String placeName, Double latitude, Double longitude, String precision, String method,
                    List<String> landmarks) implements Finding {
        public Location {
            landmarks = List.copyOf(landmarks);
        }

        public AnnotationKind kind() {
            return AnnotationKind.LOCATION;
        }
    }

    /** Uniforms and linkage: what is worn and carried, and an apparent force only as a claim with its basis. */
    record Uniform(String camouflage, String insignia, String armband, String armbandColour, String headgear,
                   String weapons, String vehicles, String claimedForce, String claimBasis) implements Finding {
        public AnnotationKind kind() {
            return AnnotationKind.UNIFORM;
        }
    }

    /** A free observation: an event, speech, a sound. */
    record Note(String category) implements Finding {
        public AnnotationKind kind() {
            return AnnotationKind.NOTE;
        }
    }
}
