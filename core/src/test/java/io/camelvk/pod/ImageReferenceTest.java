package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "busybox",
        "busybox:1.36",
        "library/busybox",
        "docker.io/library/busybox:latest",
        "index.docker.io/busybox",
        "registry.k8s.io/pause:3.10",
        "localhost:5000/team/app",
        "localhost/app",
        "[::1]:5000/app:v1",
        "quay.io/org/some_app-x__y.z:tag-1.0_beta",
        "nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "Example.com/app"
      })
  void imagesTheKubeletPullsAreValid(String image) {
    assertThat(ImageReference.refusal(image)).isEmpty();
  }

  @Test
  void invalidImagesGetTheKubeletsMessage() {
    assertThat(ImageReference.refusal("Busybox"))
        .contains(
            "Failed to apply default image tag \"Busybox\": couldn't parse image name"
                + " \"Busybox\": invalid reference format: repository name (library/Busybox) must"
                + " be lowercase");
    assertThat(ImageReference.refusal("busy box"))
        .get()
        .asString()
        .endsWith(": invalid reference format");
    assertThat(ImageReference.refusal("busybox:"))
        .get()
        .asString()
        .endsWith(": invalid reference format");
    assertThat(ImageReference.refusal("-busybox"))
        .get()
        .asString()
        .endsWith(": invalid reference format");
    assertThat(
            ImageReference.refusal(
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"))
        .get()
        .asString()
        .endsWith("cannot specify 64-byte hexadecimal strings");
    assertThat(ImageReference.refusal("nginx@sha256:0123456789abcdef0123456789abcdef01"))
        .get()
        .asString()
        .endsWith(": invalid checksum digest length");
    assertThat(ImageReference.refusal("a/" + "b".repeat(260)))
        .get()
        .asString()
        .endsWith(": repository name must not be more than 255 characters");
  }
}
