/**
 * The audit log's own encoding of the records it keeps before and after each change: versioned,
 * with field names owned here, so that no change to an export format can change what the hash
 * chain records.
 */
package org.frameproof.evidence.audit;
