package io.camelvk.providers.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What a followed log gives its reader, from the answers as the replies route hands them over. */
class FollowedLogTest {

  private static final Duration CHECK = Duration.ofMillis(50);

  private final BlockingQueue<PendingRequests.Answer> answers = new LinkedBlockingQueue<>();
  private final AtomicInteger released = new AtomicInteger();
  private final AtomicInteger cancelled = new AtomicInteger();

  @Test
  void linesComeInTheWorkersOrderDuplicatesLeftOutUntilTheWorkerEndsIt() throws IOException {
    answers.add(answer("w", 1, "two\n", false));
    answers.add(answer("w", 1, "two\n", false));
    answers.add(answer("other", 2, "not ours\n", false));
    answers.add(answer("w", 2, "three\n", true));
    answers.add(answer("w", 3, "after the end\n", false));

    try (InputStream log = log(answer("w", 0, "one\n", false), true)) {
      assertThat(new String(log.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("one\ntwo\nthree\n");
    }
    assertThat(cancelled).hasValue(0);
    assertThat(released).hasValue(1);
  }

  @Test
  void closingBeforeTheEndCancelsTheRequestOnceAndWakesTheReader() throws Exception {
    InputStream log = log(answer("w", 0, "one\n", false), true);
    assertThat(log.readNBytes(4)).asString(StandardCharsets.UTF_8).isEqualTo("one\n");
    Thread reader =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    log.read();
                  } catch (IOException e) {
                    throw new IllegalStateException(e);
                  }
                });

    log.close();
    log.close();

    reader.join(Duration.ofSeconds(5));
    assertThat(reader.isAlive()).isFalse();
    assertThat(cancelled).hasValue(1);
    assertThat(released).hasValue(1);
    assertThat(log.read()).isEqualTo(-1);
  }

  @Test
  void aWorkerThatFallsSilentEndsTheLog() throws IOException {
    try (InputStream log = log(answer("w", 0, "one\n", false), false)) {
      assertThat(new String(log.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("one\n");
    }
    assertThat(cancelled).hasValue(0);
  }

  private FollowedLog log(PendingRequests.Answer first, boolean workerAlive) {
    return new FollowedLog(
        first,
        answers,
        CHECK,
        worker -> workerAlive,
        released::incrementAndGet,
        cancelled::incrementAndGet);
  }

  private static PendingRequests.Answer answer(
      String worker, long position, String text, boolean end) {
    ObjectNode data = CloudEvents.JSON.createObjectNode().put("text", text);
    if (end) {
      data.put("end", true);
    }
    return new PendingRequests.Answer("/workers/" + worker, data, position);
  }
}
