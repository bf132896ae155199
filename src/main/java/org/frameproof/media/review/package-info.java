/**
 * The review engine, free of JavaFX: which frames a reviewer asked for and how they are decoded.
 * Its results reach the owner's thread through an executor; the screens adapt them.
 */
package org.frameproof.media.review;
