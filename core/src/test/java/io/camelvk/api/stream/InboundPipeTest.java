package io.camelvk.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InboundPipeTest {

  private final AtomicInteger pauses = new AtomicInteger();
  private final AtomicInteger resumes = new AtomicInteger();
  private final InboundPipe pipe =
      new InboundPipe(pauses::incrementAndGet, resumes::incrementAndGet);

  @Test
  void readsChunksInOrderThenEndOfStream() throws Exception {
    pipe.offer(bytes("hel"));
    pipe.offer(bytes("lo"));
    pipe.end();
    pipe.offer(bytes("ignored after the end"));

    assertThat(new String(pipe.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
    assertThat(pipe.read()).isEqualTo(-1);
  }

  @Test
  void aReaderWaitsForTheNextChunk() throws Exception {
    CompletableFuture<Integer> read = new CompletableFuture<>();
    Thread reader =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    read.complete(pipe.read());
                  } catch (Exception e) {
                    read.completeExceptionally(e);
                  }
                });
    await().atMost(Duration.ofSeconds(10)).until(() -> reader.getState() == Thread.State.WAITING);
    assertThat(read).isNotDone();

    pipe.offer(new byte[] {42});

    assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(42);
  }

  @Test
  void pausesTheSocketAboveTheHighWaterMarkAndResumesWhenDrained() throws Exception {
    byte[] chunk = new byte[64 * 1024];
    for (int i = 0; i < 5; i++) {
      pipe.offer(chunk);
    }
    assertThat(pauses).hasValue(1);
    assertThat(resumes).hasValue(0);

    pipe.readNBytes(3 * chunk.length);

    assertThat(resumes).hasValue(1);
  }

  @Test
  void anInterruptedReaderGetsAnInterruptedIoException() throws Exception {
    Thread reader =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    pipe.read();
                  } catch (InterruptedIOException e) {
                    Thread.currentThread().interrupt();
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
    reader.interrupt();
    assertThat(reader.join(Duration.ofSeconds(5))).isTrue();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
