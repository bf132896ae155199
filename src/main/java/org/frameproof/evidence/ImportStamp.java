package org.frameproof.evidence;

/** What every import records about where it happened: the machine's name and the app's version. */
public record ImportStamp(String machine, String appVersion) {
}
