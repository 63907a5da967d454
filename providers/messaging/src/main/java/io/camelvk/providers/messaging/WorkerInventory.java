package io.camelvk.providers.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The pods the workers run, as they answer a list request: every answer that comes within the
 * window (or until every live worker answered), counted from when this process reads the replies
 * (on Kafka, once its consumers hold the replies topic's partitions). The status of a pod this
 * process has heard nothing about (after a restart) is reported to the core.
 */
final class WorkerInventory {

  private final PendingRequests requests;
  private final WorkerHeartbeats heartbeats;
  private final ReplyOrder order;
  private final CoreReports reports;
  private final Duration window;
  private final KafkaReplyAssignments assignments;
  private final Duration assignmentTimeout;

  WorkerInventory(
      PendingRequests requests,
      WorkerHeartbeats heartbeats,
      ReplyOrder order,
      CoreReports reports,
      Duration window,
      KafkaReplyAssignments assignments,
      Duration assignmentTimeout) {
    this.requests = requests;
    this.heartbeats = heartbeats;
    this.order = order;
    this.reports = reports;
    this.window = window;
    this.assignments = assignments;
    this.assignmentTimeout = assignmentTimeout;
  }

  List<Pod> pods(String correlation) throws InterruptedException {
    List<Pod> pods = new ArrayList<>();
    assignments.awaitHeld(assignmentTimeout);
    for (PendingRequests.Answer answer : requests.all(correlation, window, heartbeats.alive())) {
      for (JsonNode item : answer.data().path("pods")) {
        Pod pod = CloudEvents.JSON.convertValue(item, Pod.class);
        pods.add(pod);
        reportIfUnknown(pod);
      }
    }
    return pods;
  }

  private void reportIfUnknown(Pod pod) {
    if (pod.getStatus() == null || order.known(pod.getMetadata().getUid())) {
      return;
    }
    reports.status(
        pod.getMetadata().getNamespace(),
        pod.getMetadata().getName(),
        pod.getMetadata().getUid(),
        pod.getStatus());
  }
}
