package org.frameproof.domain;

import java.util.Locale;

/**
 * The lists a form offers for a field. Each is seeded with defaults and a case may add terms;
 * a field still accepts free text, because the field finds what no list foresaw.
 */
public enum Vocabulary {
    /** Gunshot wound entry/exit, laceration, blunt force, burn, ligature mark, amputation, other. */
    INJURY_TYPE,
    /** Regions of the body diagram, front and back, left and right as the victim's. */
    BODY_REGION,
    /** When an injury was inflicted relative to death (peri-mortem, post-mortem, ...). */
    INJURY_TIMING,
    CAMOUFLAGE,
    ARMBAND_COLOUR,
    HEADGEAR,
    /** Exact ±10 m, vicinity ±100 m, locality ±1 km, region. */
    LOCATION_PRECISION,
    /** Landmarks, signage, terrain, shadows, metadata. */
    LOCATION_METHOD,
    /** Event, speech, sound, ... */
    NOTE_CATEGORY;

    /** The list's name on the command line: injury-type, body-region, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
