package io.camelvk.pod;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an image reference is one the kubelet would pull, by the rules of
 * github.com/distribution/reference's {@code ParseNormalizedNamed} that the kubelet applies before
 * a pull, with its error messages. An invalid one leaves the container waiting in {@code
 * InvalidImageName}.
 */
final class ImageReference {

  static final String INVALID_IMAGE_NAME = "InvalidImageName";
  static final String INSPECT_FAILED = "InspectFailed";
  static final int NAME_MAX_LENGTH = 255;
  private static final String DOCKER_HUB = "docker.io";

  private static final String ALPHANUMERIC = "[a-z0-9]+";
  private static final String SEPARATOR = "(?:[._]|__|[-]+)";
  private static final String DOMAIN_COMPONENT =
      "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String DOMAIN_NAME = DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*";
  private static final String HOST = "(?:" + DOMAIN_NAME + "|\\[(?:[a-fA-F0-9:]+)\\])";
  private static final String DOMAIN_AND_PORT = HOST + "(?::[0-9]+)?";
  private static final String PATH_COMPONENT =
      ALPHANUMERIC + "(?:" + SEPARATOR + ALPHANUMERIC + ")*";
  private static final String REMOTE_NAME = PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
  private static final String NAME = "(?:" + DOMAIN_AND_PORT + "/)?" + REMOTE_NAME;
  private static final String TAG = "[\\w][\\w.-]{0,127}";
  private static final String DIGEST =
      "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}";
  private static final Pattern REFERENCE =
      Pattern.compile("^(" + NAME + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?$");
  private static final Pattern DOMAIN_PREFIX = Pattern.compile("^(" + DOMAIN_AND_PORT + ")/(.*)$");
  private static final Pattern IDENTIFIER = Pattern.compile("^[a-f0-9]{64}$");
  private static final Map<String, Integer> DIGEST_LENGTHS =
      Map.of("sha256", 64, "sha384", 96, "sha512", 128);

  private ImageReference() {}

  /** The kubelet's message for an image it would refuse; empty for a valid one. */
  static Optional<String> refusal(String image) {
    return problem(image)
        .map(
            problem ->
                "Failed to apply default image tag \"%s\": couldn't parse image name \"%s\": %s"
                    .formatted(image, image, problem));
  }

  private static Optional<String> problem(String image) {
    if (IDENTIFIER.matcher(image).matches()) {
      return Optional.of(
          "invalid repository name (" + image + "), cannot specify 64-byte hexadecimal strings");
    }
    Split split = split(image);
    String remainder = split.remainder();
    int tag = remainder.indexOf(':');
    String remote = tag < 0 ? remainder : remainder.substring(0, tag);
    if (!remote.toLowerCase(Locale.ROOT).equals(remote)) {
      return Optional.of(
          "invalid reference format: repository name (" + remote + ") must be lowercase");
    }
    return parse(split.domain() + "/" + remainder);
  }

  private static Optional<String> parse(String reference) {
    Matcher m = REFERENCE.matcher(reference);
    if (!m.matches()) {
      return Optional.of(
          REFERENCE.matcher(reference.toLowerCase(Locale.ROOT)).matches()
              ? "repository name must be lowercase"
              : "invalid reference format");
    }
    Matcher named = DOMAIN_PREFIX.matcher(m.group(1));
    String path = named.matches() ? named.group(2) : m.group(1);
    if (path.length() > NAME_MAX_LENGTH) {
      return Optional.of("repository name must not be more than 255 characters");
    }
    return m.group(3) == null ? Optional.empty() : digestProblem(m.group(3));
  }

  private static Optional<String> digestProblem(String digest) {
    int colon = digest.indexOf(':');
    Integer length = DIGEST_LENGTHS.get(digest.substring(0, colon));
    if (length == null) {
      return Optional.of("unsupported digest algorithm");
    }
    return digest.length() - colon - 1 == length
        ? Optional.empty()
        : Optional.of("invalid checksum digest length");
  }

  /** A reference split into its domain and the rest, as {@code splitDockerDomain} does. */
  private record Split(String domain, String remainder) {}

  private static Split split(String image) {
    int slash = image.indexOf('/');
    if (slash < 0) {
      return new Split(DOCKER_HUB, "library/" + image);
    }
    String first = image.substring(0, slash);
    String rest = image.substring(slash + 1);
    Split split;
    if (first.equals("index.docker.io")) {
      split = new Split(DOCKER_HUB, rest);
    } else if (first.equals("localhost")
        || first.contains(".")
        || first.contains(":")
        || !first.toLowerCase(Locale.ROOT).equals(first)) {
      split = new Split(first, rest);
    } else {
      split = new Split(DOCKER_HUB, image);
    }
    return split.domain().equals(DOCKER_HUB) && !split.remainder().contains("/")
        ? new Split(DOCKER_HUB, "library/" + split.remainder())
        : split;
  }
}
