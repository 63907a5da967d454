package io.camelvk.providers.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads what workers send to the replies destination: a status (checked against the pod's order of
 * replies), a heartbeat, or the answer to a request. What cannot be read is poison.
 */
final class Replies {

  /** What a reply turned out to be. */
  sealed interface Reply {}

  /** A status newer than the pod's last when read: to be reported to the core, in turn. */
  record Status(String namespace, String name, String uid, ReplyOrder.Place place, PodStatus status)
      implements Reply {}

  /** A duplicate or stale status, a late answer: dropped (and counted). */
  record Dropped(String reason) implements Reply {}

  /** A heartbeat or an answer, taken in. */
  record Taken() implements Reply {}

  private static final Pattern SEQUENCE = Pattern.compile("[0-9]{20}");

  private final ReplyOrder order;
  private final WorkerHeartbeats heartbeats;
  private final PendingRequests requests;
  private final DeletedPods deleted;

  Replies(
      ReplyOrder order,
      WorkerHeartbeats heartbeats,
      PendingRequests requests,
      DeletedPods deleted) {
    this.order = order;
    this.heartbeats = heartbeats;
    this.requests = requests;
    this.deleted = deleted;
  }

  /**
   * @throws PoisonMessageException when the message is no reply of docs/providers/messaging.md
   */
  Reply read(JsonNode event) {
    String type = CloudEvents.required(event, "type");
    return switch (type) {
      case CloudEvents.STATUS -> status(event);
      case CloudEvents.HEARTBEAT -> {
        heartbeats.beat(CloudEvents.required(event, "source"), event.path("data"));
        yield new Taken();
      }
      case CloudEvents.LOGS, CloudEvents.LIST -> answer(event);
      default -> throw new PoisonMessageException("no worker sends events of type " + type);
    };
  }

  /**
   * Runs {@code report} for a status still newer than its pod's last, in turn with the pod's other
   * statuses (another consumer may have applied a newer one since it was read).
   *
   * @return the reason it was dropped, empty when it was reported
   */
  Optional<String> report(Status status, Runnable report) {
    return switch (order.applyIfNewer(status.uid(), status.place(), report)) {
      case NEWER -> {
        deleted.answered(status.uid(), status.place().sequence(), status.status());
        yield Optional.empty();
      }
      case DUPLICATE -> Optional.of("duplicate");
      case STALE -> Optional.of("stale");
    };
  }

  private Reply status(JsonNode event) {
    String subject = CloudEvents.required(event, "subject");
    int slash = subject.indexOf('/');
    if (slash <= 0 || slash == subject.length() - 1) {
      throw new PoisonMessageException("subject must be <namespace>/<name>, not " + subject);
    }
    String uid = CloudEvents.required(event, "poduid");
    String sequence = CloudEvents.required(event, "sequence");
    if (!SEQUENCE.matcher(sequence).matches()) {
      throw new PoisonMessageException("sequence must be 20 digits, not " + sequence);
    }
    JsonNode statusSequence = event.get("statussequence");
    if (statusSequence == null || !statusSequence.canConvertToInt() || statusSequence.asInt() < 0) {
      throw new PoisonMessageException("a status needs statussequence, an integer >= 0");
    }
    ReplyOrder.Place place = new ReplyOrder.Place(sequence, statusSequence.asInt());
    PodStatus status = podStatus(event.get("data"));
    ReplyOrder.Verdict verdict = order.verdict(uid, place);
    if (verdict != ReplyOrder.Verdict.NEWER) {
      deleted.answered(uid, sequence, status);
    }
    return switch (verdict) {
      case NEWER ->
          new Status(subject.substring(0, slash), subject.substring(slash + 1), uid, place, status);
      case DUPLICATE -> new Dropped("duplicate");
      case STALE -> new Dropped("stale");
    };
  }

  private static PodStatus podStatus(JsonNode data) {
    if (data == null || !data.isObject()) {
      throw new PoisonMessageException("a status needs data, a PodStatus object");
    }
    try {
      return CloudEvents.JSON.treeToValue(data, PodStatus.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      throw new PoisonMessageException("data is no PodStatus: " + e.getMessage());
    }
  }

  private Reply answer(JsonNode event) {
    String correlation = CloudEvents.required(event, "correlationid");
    PendingRequests.Answer answer =
        new PendingRequests.Answer(
            CloudEvents.required(event, "source"), event.path("data"), logPosition(event));
    return requests.answer(correlation, answer) ? new Taken() : new Dropped("late");
  }

  /** A followed log's answers are numbered from 0 ({@code logsequence}); others are not. */
  private static long logPosition(JsonNode event) {
    JsonNode position = event.get("logsequence");
    if (position == null) {
      return -1;
    }
    if (!position.isIntegralNumber() || !position.canConvertToLong() || position.asLong() < 0) {
      throw new PoisonMessageException("logsequence must be an integer >= 0");
    }
    return position.asLong();
  }
}
