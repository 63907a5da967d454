package io.camelvk.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TerminalResizesTest {

  private final TerminalResizes resizes = new TerminalResizes();

  @Test
  void aLateSubscriberGetsTheLatestSizeThenEveryNewOne() {
    List<TerminalSize> seen = new CopyOnWriteArrayList<>();
    resizes.publish(new TerminalSize(80, 24));
    resizes.publish(new TerminalSize(100, 30));

    resizes.subscribe(seen::add);
    resizes.publish(new TerminalSize(120, 40));

    assertThat(seen).containsExactly(new TerminalSize(100, 30), new TerminalSize(120, 40));
  }

  @Test
  void waitingForTheFirstSizeReturnsItWhenItArrives() throws Exception {
    CompletableFuture<Optional<TerminalSize>> waiting = new CompletableFuture<>();
    Thread waiter =
        Thread.ofPlatform().start(() -> waiting.complete(resizes.latest(Duration.ofSeconds(30))));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> waiter.getState() == Thread.State.TIMED_WAITING);

    resizes.publish(new TerminalSize(120, 40));

    assertThat(waiting.get(10, TimeUnit.SECONDS)).contains(new TerminalSize(120, 40));
  }

  @Test
  void waitingGivesUpEmptyWhenNoSizeComes() {
    assertThat(resizes.latest(Duration.ofMillis(50))).isEmpty();
  }
}
