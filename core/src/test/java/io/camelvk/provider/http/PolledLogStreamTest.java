package io.camelvk.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PolledLogStreamTest {

  private static final Duration PERIOD = Duration.ofMillis(5);

  @Test
  void givesWhatWasShownThenOnlyWhatTheLogGainsUntilItIsGone() throws IOException {
    InputStream stream =
        new PolledLogStream(
            "b\n",
            asks(List.of(Optional.of("a\nb\n"), Optional.of("a\nb\nc\n"), Optional.empty())),
            PERIOD);

    assertThat(readAll(stream)).isEqualTo("b\nc\n");
  }

  @Test
  void aFailedAskBringsNothingAndTheNextGoesOnFromWhatWasSeen() throws IOException {
    Deque<Object> answers =
        new ArrayDeque<>(
            List.of(
                Optional.of("a\n"),
                new IllegalStateException("backend away"),
                Optional.of("a\nb\n"),
                Optional.empty()));
    Supplier<Optional<String>> ask =
        () -> {
          Object next = answers.pop();
          if (next instanceof RuntimeException e) {
            throw e;
          }
          @SuppressWarnings("unchecked")
          Optional<String> log = (Optional<String>) next;
          return log;
        };

    assertThat(readAll(new PolledLogStream("a\n", ask, PERIOD))).isEqualTo("a\nb\n");
  }

  @Test
  void aLogThatStartsAnewIsTheNewBaseWithNothingShownTwice() throws IOException {
    InputStream stream =
        new PolledLogStream(
            "old\n",
            asks(
                List.of(
                    Optional.of("old\n"),
                    Optional.of("new\n"),
                    Optional.of("new\nnext\n"),
                    Optional.empty())),
            PERIOD);

    assertThat(readAll(stream)).isEqualTo("old\nnext\n");
  }

  @Test
  void closingEndsAReadThatWaitsForNewLines() throws Exception {
    PolledLogStream stream =
        new PolledLogStream("", () -> Optional.of("same\n"), Duration.ofMinutes(1));
    CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> readOne(stream));

    Thread.sleep(100);
    stream.close();

    assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(-1);
  }

  private static Supplier<Optional<String>> asks(List<Optional<String>> answers) {
    Deque<Optional<String>> queue = new ArrayDeque<>(answers);
    return () -> queue.size() > 1 ? queue.pop() : queue.peek();
  }

  private static String readAll(InputStream stream) throws IOException {
    return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
  }

  private static int readOne(InputStream stream) {
    try {
      return stream.read();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
