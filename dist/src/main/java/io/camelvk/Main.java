package io.camelvk;

import io.camelvk.cli.CommandLines;

/** The entry point: parses the command line and exits with its code (2 for a bad flag). */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(CommandLines.create().execute(args));
  }
}
