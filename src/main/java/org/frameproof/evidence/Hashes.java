package org.frameproof.evidence;

/** The digests of a file's content, as lower-case hex. */
public record Hashes(String sha256, String md5, long size) {
}
