package io.camelvk.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PythonServerTest {

  @Test
  void aServerIsStartedOnceItSaysWhereItListensAndAnswersThere() {
    try (PythonServer server =
        PythonServer.start("docs/providers/examples/webhook/backend.py", List.of("0"))) {
      assertThat(server.port()).isPositive();
      assertThat(LoopbackHttp.get(server.port(), "/pods").body()).isEqualTo("[]");
    }
  }

  @Test
  void aScriptThatEndsWithoutListeningFailsTheStartByName() {
    assertThatThrownBy(() -> PythonServer.start("no/such/script.py", List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("script.py did not start: null");
  }
}
