package org.frameproof.domain;

/** How sure the reviewer is of an observation. */
public enum Confidence {
    LOW, MEDIUM, HIGH
}
