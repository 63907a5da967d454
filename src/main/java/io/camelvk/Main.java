package io.camelvk;

import io.camelvk.cli.VirtualKubeletCommand;
import picocli.CommandLine;

/** The entry point: parses the command line and exits with its code (2 for a bad flag). */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new VirtualKubeletCommand()).execute(args));
  }
}
