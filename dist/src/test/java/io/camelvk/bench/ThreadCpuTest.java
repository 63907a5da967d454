package io.camelvk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

  @Test
  void aThreadsGroupIsItsNameWithoutTheTrailingNumber() {
    assertThat(ThreadCpu.groupName("GC Thread#3")).isEqualTo("GC Thread#");
    assertThat(ThreadCpu.groupName("vert.x-eventloop-thread-12"))
        .isEqualTo("vert.x-eventloop-thread-");
    assertThat(ThreadCpu.groupName("Camel (camel-1) thread #27"))
        .isEqualTo("Camel (camel-1) thread #");
    assertThat(ThreadCpu.groupName("C2 CompilerThre")).isEqualTo("C2 CompilerThre");
    assertThat(ThreadCpu.groupName("pool-2-thread-1")).isEqualTo("pool-2-thread-");
  }

  @Test
  void aNameOfDigitsOnlyStaysItsOwnGroup() {
    assertThat(ThreadCpu.groupName("42")).isEqualTo("42");
  }

  @Test
  void theTopGroupsAddUpTheirThreadsMostFirst() {
    Map<String, Double> top =
        ThreadCpu.top(
            List.of(
                new ThreadCpu.Sample("vert.x-eventloo", 1.0),
                new ThreadCpu.Sample("GC Thread#0", 0.5),
                new ThreadCpu.Sample("GC Thread#1", 0.75),
                new ThreadCpu.Sample("VM Thread", 0.1),
                new ThreadCpu.Sample("C2 CompilerThre", 2.004)),
            3);

    assertThat(top)
        .containsExactly(
            Map.entry("C2 CompilerThre", 2.0),
            Map.entry("GC Thread#", 1.25),
            Map.entry("vert.x-eventloo", 1.0));
  }

  @Test
  void cpuSecondsAreUserPlusSystemTicksCountedAfterTheParenthesisedName() {
    String stat =
        "4242 (Camel (camel-1) t) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 17 0 0 20 0 1 0 100";

    assertThat(ProcStat.cpuSeconds(stat)).isEqualTo(2.67);
  }
}
