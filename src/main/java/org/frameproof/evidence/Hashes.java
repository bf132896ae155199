package org.frameproof.evidence;

/** The digests of a file's content, as lower-case hex; {@code md5} is null where only SHA-256 was checked (re-reads). */
public record Hashes(String sha256, String md5, long size) {
}
