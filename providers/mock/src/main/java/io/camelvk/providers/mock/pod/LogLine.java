package io.camelvk.providers.mock.pod;

import java.time.Instant;

/**
 * One line of a container instance's log: its number (0 for the instance's first line), when it was
 * written, and its text without the newline.
 */
public record LogLine(long number, Instant at, String text) {}
