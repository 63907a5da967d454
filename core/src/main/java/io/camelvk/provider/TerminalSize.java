package io.camelvk.provider;

/** The size of the client's terminal, in character cells. */
public record TerminalSize(int width, int height) {}
