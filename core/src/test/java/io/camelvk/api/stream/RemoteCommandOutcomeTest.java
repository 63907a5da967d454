package io.camelvk.api.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The error-stream content client-go decodes (remotecommand v4.go, errorstream.go). */
class RemoteCommandOutcomeTest {

  private static final String VERB = StreamBackend.verb(StreamRequest.Kind.EXEC);

  @Test
  void successIsTheBareStatus() {
    RemoteCommandOutcome ok = RemoteCommandOutcome.exited(0);

    assertThat(text(ok.statusJson(VERB))).isEqualTo("{\"status\":\"Success\"}");
    assertThat(ok.legacyText(VERB)).isEmpty();
  }

  @Test
  void aNonZeroExitCarriesTheCodeAsTheExitCodeCause() {
    String json = text(RemoteCommandOutcome.exited(3).statusJson(VERB));

    assertThat(json)
        .startsWith("{\"status\":\"Failure\",\"message\":\"command terminated with non-zero")
        .contains("\"reason\":\"NonZeroExitCode\"")
        .endsWith("\"details\":{\"causes\":[{\"reason\":\"ExitCode\",\"message\":\"3\"}]}}");
  }

  @Test
  void exitCodesAreReportedModulo256() {
    assertThat(RemoteCommandOutcome.exited(256 + 7).exitCode()).isEqualTo(7);
    assertThat(RemoteCommandOutcome.exited(-1).exitCode()).isEqualTo(255);
    assertThat(RemoteCommandOutcome.exited(256).succeeded()).isTrue();
  }

  @Test
  void aProviderFailureIsAnInternalErrorWithItsMessageEscaped() {
    String json = text(RemoteCommandOutcome.failed("backend said \"no\"\n").statusJson(VERB));

    assertThat(json)
        .isEqualTo(
            "{\"status\":\"Failure\",\"message\":\"Internal error occurred: error executing"
                + " command in container: backend said \\\"no\\\"\\u000a\",\"reason\":"
                + "\"InternalError\",\"code\":500}");
    assertThat(text(RemoteCommandOutcome.failed("x").legacyText(VERB).orElseThrow()))
        .isEqualTo("error executing command in container: x");
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
