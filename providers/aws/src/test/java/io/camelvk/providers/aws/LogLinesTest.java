package io.camelvk.providers.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/** CloudWatch events as log text: one line each, the kubelet's timestamps when asked. */
class LogLinesTest {

  private static final List<OutputLogEvent> EVENTS =
      List.of(
          OutputLogEvent.builder()
              .timestamp(Instant.parse("2026-12-08T05:30:00.120Z").toEpochMilli())
              .message("first")
              .build(),
          OutputLogEvent.builder()
              .timestamp(Instant.parse("2026-12-08T05:30:01Z").toEpochMilli())
              .message("second\n")
              .build());

  @Test
  void eachEventIsOneLine() {
    assertThat(LogLines.format(EVENTS, false)).isEqualTo("first\nsecond\n");
  }

  @Test
  void timestampsHaveNineDigitsOfFractionAsTheContainerRuntimeWritesThem() {
    assertThat(LogLines.format(EVENTS, true))
        .isEqualTo("2026-12-08T05:30:00.120000000Z first\n2026-12-08T05:30:01.000000000Z second\n");
  }
}
