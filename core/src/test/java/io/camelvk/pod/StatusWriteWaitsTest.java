package io.camelvk.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camelvk.provider.StatusNotWrittenException;
import io.camelvk.provider.VkHeaders;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reporters wait for the sync that begins after their report, as the work queue hands it out. */
class StatusWriteWaitsTest {

  private final PodWorkQueue queue = new PodWorkQueue();
  private final StatusWriteWaits waits = new StatusWriteWaits(Duration.ofSeconds(10));
  private final PodKey a = new PodKey("ns", "a");
  private final PodKey b = new PodKey("ns", "b");

  @AfterEach
  void shutDown() {
    queue.shutDown();
  }

  @Test
  void aReportReturnsOnceTheSyncItQueuedHasEnded() throws Exception {
    CompletableFuture<Void> report = reportAsync(a);
    PodKey taken = queue.take().orElseThrow();
    waits.syncBegins(taken);
    assertThat(report).isNotDone();
    waits.syncEnded(taken, null);
    report.get(5, TimeUnit.SECONDS);
    assertThat(waits.waiting()).isZero();
  }

  @Test
  void aReportDuringASyncWaitsForTheNextSync() throws Exception {
    queue.add(a);
    assertThat(queue.take()).hasValue(a);
    waits.syncBegins(a);
    CompletableFuture<Void> report = reportAsync(a);

    waits.syncEnded(a, null);
    queue.done(a);
    Thread.sleep(200);
    assertThat(report).isNotDone();

    assertThat(queue.take()).hasValue(a);
    waits.syncBegins(a);
    waits.syncEnded(a, null);
    report.get(5, TimeUnit.SECONDS);
  }

  @Test
  void aFailedSyncFailsTheReportWithItsReason() {
    CompletableFuture<Void> report = reportAsync(a);
    waits.syncBegins(a);
    waits.syncEnded(a, new IllegalStateException("HTTP 500 from the API server"));
    assertThatThrownBy(() -> report.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(StatusNotWrittenException.class)
        .hasMessageContaining("ns/a")
        .hasMessageContaining("HTTP 500 from the API server");
  }

  @Test
  void anotherPodsSyncAnswersNobody() throws Exception {
    CompletableFuture<Void> report = reportAsync(a);
    waits.syncBegins(b);
    waits.syncEnded(b, null);
    Thread.sleep(200);
    assertThat(report).isNotDone();
    waits.syncBegins(a);
    waits.syncEnded(a, null);
    report.get(5, TimeUnit.SECONDS);
  }

  @Test
  void noSyncWithinTheTimeoutFailsTheReportAndLeavesNoWaiterBehind() {
    StatusWriteWaits impatient = new StatusWriteWaits(Duration.ofMillis(100));
    assertThatThrownBy(() -> impatient.await(a, () -> {}))
        .isInstanceOf(StatusNotWrittenException.class)
        .hasMessageContaining("not written within");
    assertThat(impatient.waiting()).isZero();
  }

  @Test
  void reportedStatusesWaitOnlyWhenTheHeaderAsks() throws Exception {
    ReportedStatuses reported = new ReportedStatuses(queue::add, waits);
    reported.report(message(null));
    assertThat(queue.take()).hasValue(a);
    queue.done(a);
    assertThat(waits.waiting()).isZero();

    CompletableFuture<Void> awaited =
        CompletableFuture.runAsync(() -> reported.report(message("true")));
    await().atMost(Duration.ofSeconds(5)).until(() -> waits.waiting() == 1);
    assertThat(queue.take()).hasValue(a);
    waits.syncBegins(a);
    waits.syncEnded(a, null);
    awaited.get(5, TimeUnit.SECONDS);
  }

  /** Reports on another thread and returns once it waits, the pod queued. */
  private CompletableFuture<Void> reportAsync(PodKey key) {
    CompletableFuture<Void> report =
        CompletableFuture.runAsync(() -> waits.await(key, () -> queue.add(key)));
    await().atMost(Duration.ofSeconds(5)).until(() -> waits.waiting() >= 1);
    return report;
  }

  private static Message message(String awaitWrite) {
    Message message = new DefaultMessage(new DefaultCamelContext());
    message.setHeader(VkHeaders.POD_NAMESPACE, "ns");
    message.setHeader(VkHeaders.POD_NAME, "a");
    message.setHeader(VkHeaders.AWAIT_WRITE, awaitWrite);
    message.setBody(new PodStatus());
    return message;
  }
}
