package io.camelvk.providers.mock.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PipeBufferTest {

  @Test
  void aWriterPastTheCapacityEndsAsOnABrokenPipeAndTheReaderGetsWhatFitted() throws IOException {
    PipeBuffer pipe = new PipeBuffer(8);
    pipe.write("yes\nyes\n".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> pipe.write('y')).isInstanceOf(PipeBuffer.Full.class);
    assertThat(pipe.reader().readAllBytes())
        .asString(StandardCharsets.UTF_8)
        .isEqualTo("yes\nyes\n");
  }
}
