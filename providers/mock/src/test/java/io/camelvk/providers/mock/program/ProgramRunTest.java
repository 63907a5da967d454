package io.camelvk.providers.mock.program;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.providers.mock.MockFixture;
import io.camelvk.providers.mock.shell.ShellHost;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProgramRunTest {

  @Test
  void stoppingTheInstanceEndsAProgramThatWaitsForever() throws InterruptedException {
    ProgramRun run = new ProgramRun(MockFixture.START);
    CountDownLatch ended = new CountDownLatch(1);
    run.begin(
        "forever",
        io -> {
          try {
            return new ProgramHost(run).sleep(ShellHost.FOREVER, io);
          } finally {
            ended.countDown();
          }
        });
    assertThat(run.nextChange(MockFixture.START)).as("it never exits by itself").isNull();

    run.stop();

    assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitBy(MockFixture.START.plus(Duration.ofDays(1)))).isEmpty();
  }

  @Test
  void aProgramRunsOnlyAsFarAsItIsAsked() {
    ProgramRun run = new ProgramRun(MockFixture.START);
    run.begin(
        "sleeper",
        io -> {
          run.sleep(Duration.ofSeconds(10));
          io.print("woke\n");
          return 4;
        });

    assertThat(run.lines(0, MockFixture.START.plusSeconds(9))).isEmpty();
    assertThat(run.exitBy(MockFixture.START.plusSeconds(9))).isEmpty();
    assertThat(run.exitBy(MockFixture.START.plusSeconds(10)))
        .hasValueSatisfying(exit -> assertThat(exit.code()).isEqualTo(4));
    assertThat(run.lines(0, MockFixture.START.plusSeconds(10)))
        .singleElement()
        .satisfies(line -> assertThat(line.text()).isEqualTo("woke"));
  }
}
