package io.camelvk.cli;

import io.camelvk.config.KubeletApiSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The kubelet API's TLS and access flags, named as the kubelet names them. */
public final class KubeletApiFlags {

  @Option(
      names = "--tls-cert-file",
      paramLabel = "<file>",
      description =
          "kubelet API serving certificate, PEM (env APISERVER_CERT_LOCATION; default: a generated"
              + " self-signed one)")
  Path certificate;

  @Option(
      names = "--tls-private-key-file",
      paramLabel = "<file>",
      description = "its private key, PEM (env APISERVER_KEY_LOCATION)")
  Path key;

  @Option(
      names = "--client-ca-file",
      paramLabel = "<file>",
      description =
          "CA that kubelet API client certificates must chain to (env APISERVER_CA_CERT_LOCATION)")
  Path clientCa;

  @Option(
      names = "--kubelet-api-auth",
      paramLabel = "<bool>",
      defaultValue = "true",
      description =
          "authenticate and authorize kubelet API requests; false serves anyone (default true)")
  String auth;

  KubeletApiSettings validate(CommandLine commandLine) {
    Optional<Path> certificateFile = readable(commandLine, "--tls-cert-file", certificate);
    Optional<Path> keyFile = readable(commandLine, "--tls-private-key-file", key);
    Optional<Path> clientCaFile = readable(commandLine, "--client-ca-file", clientCa);
    if (certificateFile.isPresent() != keyFile.isPresent()) {
      throw new ParameterException(
          commandLine,
          (certificateFile.isPresent() ? "--tls-cert-file" : "--tls-private-key-file")
              + ": --tls-cert-file and --tls-private-key-file go together");
    }
    String enabled = auth.strip().toLowerCase(Locale.ROOT);
    if (!enabled.equals("true") && !enabled.equals("false")) {
      throw new ParameterException(
          commandLine, "--kubelet-api-auth: '" + auth + "' is neither true nor false");
    }
    return new KubeletApiSettings(certificateFile, keyFile, clientCaFile, enabled.equals("true"));
  }

  private static Optional<Path> readable(CommandLine commandLine, String flag, Path file) {
    if (file != null && !(Files.isRegularFile(file) && Files.isReadable(file))) {
      throw new ParameterException(commandLine, flag + ": cannot read " + file);
    }
    return Optional.ofNullable(file);
  }
}
