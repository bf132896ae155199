/** Import, hashing, the read-only vault, custody and the hash-chained audit log. */
package org.frameproof.evidence;
