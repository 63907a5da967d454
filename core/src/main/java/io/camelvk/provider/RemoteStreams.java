package io.camelvk.provider;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * The streams of one exec or attach session, as the client asked for them. Each is empty when the
 * client did not ask for it; with a tty there is no stderr (the terminal merges it into stdout).
 * {@code stdin} ends when the client closes its input. When the client goes away, writes throw
 * {@link java.io.IOException} and the calling thread is interrupted. The transport flushes and
 * closes the output streams after the call returns; providers need not close them.
 */
public record RemoteStreams(
    Optional<InputStream> stdin,
    Optional<OutputStream> stdout,
    Optional<OutputStream> stderr,
    boolean tty,
    TerminalResizes resizes) {}
