package io.camelvk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KubeletProcessTest {

  @Test
  void aStartFailureSaysWhatTheRootCauseSays() {
    Exception wrapped =
        new IllegalStateException(
            "Error pre-parsing resource: providers/web/web-backend.yaml",
            new RuntimeException(
                "wrapped", new IllegalArgumentException("vk.provider.web.url is not set")));

    assertThat(KubeletProcess.withRootCause(wrapped))
        .isEqualTo(
            "Error pre-parsing resource: providers/web/web-backend.yaml:"
                + " vk.provider.web.url is not set");
  }

  @Test
  void aFailureWithoutCauseOrThatSaysItAlreadyIsLeftAsItIs() {
    assertThat(KubeletProcess.withRootCause(new IllegalStateException("plain"))).isEqualTo("plain");
    assertThat(
            KubeletProcess.withRootCause(
                new IllegalStateException("outer: inner", new IllegalStateException("inner"))))
        .isEqualTo("outer: inner");
  }
}
