/** Exports, reports and bundles. */
package org.frameproof.exchange;
