/** Frame index, frame-exact decoding (FFmpeg), playback (libVLC). The only package that touches native media code. */
package org.frameproof.media;
