package io.camelvk.providers.mock.program;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.providers.mock.MockFixture;
import io.camelvk.providers.mock.pod.LogLine;
import io.camelvk.providers.mock.shell.ShellHost;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProgramRunTest {

  @Test
  void stoppingTheInstanceEndsAProgramThatWaitsForever() throws InterruptedException {
    ProgramRun run = new ProgramRun(MockFixture.START, false);
    CountDownLatch ended = new CountDownLatch(1);
    run.begin(
        "forever",
        io -> {
          try {
            return new ProgramHost(run.time()).sleep(ShellHost.FOREVER, io);
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
    ProgramRun run = new ProgramRun(MockFixture.START, false);
    run.begin(
        "sleeper",
        io -> {
          run.time().sleep(Duration.ofSeconds(10));
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

  @Test
  void aProgramWaitingForInputSleepsUntilItComesAndReadsItAtTheTimeItCame() {
    ProgramRun run = new ProgramRun(MockFixture.START, true);
    run.begin(
        "reader",
        io -> {
          byte[] line = new byte[3];
          int read = io.in().read(line);
          io.print(new String(line, 0, read, StandardCharsets.UTF_8));
          return io.in().read() == -1 ? 0 : 1;
        });
    assertThat(run.nextChange(MockFixture.START)).as("asleep until input comes").isNull();
    Instant typed = MockFixture.START.plusSeconds(7);

    run.input().orElseThrow().write("hi\n".getBytes(StandardCharsets.UTF_8), typed);
    run.input().orElseThrow().end(typed.plusSeconds(1));

    assertThat(run.lines(0, typed))
        .singleElement()
        .satisfies(line -> assertThat(line).isEqualTo(new LogLine(0, typed, "hi")));
    assertThat(run.exitBy(typed.plusSeconds(1)))
        .hasValueSatisfying(
            exit -> {
              assertThat(exit.code()).as("it read the end of input").isZero();
              assertThat(exit.at()).isEqualTo(typed.plusSeconds(1));
            });
  }

  @Test
  void aBusyProgramReadsInputNotBeforeItCame() {
    ProgramRun run = new ProgramRun(MockFixture.START, true);
    run.begin(
        "busy",
        io -> {
          run.time().sleep(Duration.ofSeconds(1));
          byte[] line = new byte[3];
          int read = io.in().read(line);
          io.print(new String(line, 0, read, StandardCharsets.UTF_8));
          return 0;
        });
    Instant typed = MockFixture.START.plusSeconds(7);

    run.input().orElseThrow().write("hi\n".getBytes(StandardCharsets.UTF_8), typed);

    assertThat(run.lines(0, typed.minusSeconds(1))).as("not read at the program's 1 s").isEmpty();
    assertThat(run.lines(0, typed))
        .singleElement()
        .satisfies(line -> assertThat(line).isEqualTo(new LogLine(0, typed, "hi")));
  }
}
