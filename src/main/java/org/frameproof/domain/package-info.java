/** Records and rules of the evidence. Imports nothing of JavaFX, SQL, libVLC or FFmpeg. */
package org.frameproof.domain;
