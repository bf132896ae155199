package org.frameproof.exchange;

/** The case an export speaks for, as its reader sees it on the first page. */
public record ExportedCase(String title, String description) {
}
