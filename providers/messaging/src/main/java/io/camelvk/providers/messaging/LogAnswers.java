package io.camelvk.providers.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelvk.provider.PodNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What a logs request is answered with: the text the worker that runs the pod sent, or, for {@code
 * kubectl logs -f}, a {@link FollowedLog} of its later answers that cancels the request on the
 * control topic when the client goes. A line that comes for a follow nobody reads any more (its
 * cancel was lost: the topic's messages are not persistent) cancels it again.
 */
final class LogAnswers {

  /**
   * Lines still on their way when the worker took the cancel come late too: only one that comes
   * this long after the last cancel of its follow cancels it again.
   */
  static final Duration CANCEL_AGAIN_AFTER = Duration.ofSeconds(1);

  private final PendingRequests requests;
  private final MessagingSettings settings;
  private final Predicate<String> alive;
  private final Consumer<ObjectNode> control;
  private final Clock clock;
  private final Map<String, Instant> cancelled = new ConcurrentHashMap<>();

  /**
   * @param alive whether a worker has sent a heartbeat lately
   * @param control sends a request to every worker, without waiting
   */
  LogAnswers(
      PendingRequests requests,
      MessagingSettings settings,
      Predicate<String> alive,
      Consumer<ObjectNode> control,
      Clock clock) {
    this.requests = requests;
    this.settings = settings;
    this.alive = alive;
    this.control = control;
    this.clock = clock;
  }

  /**
   * @return the log's text, or for a follow, an {@code InputStream} of it and what it gains
   */
  Object answer(String correlation, String subject, boolean follow) throws InterruptedException {
    if (!follow) {
      return text(requests.first(correlation, settings.requestTimeout()));
    }
    Optional<PendingRequests.Answer> first;
    try {
      first = requests.firstOfMany(correlation, settings.requestTimeout());
    } catch (InterruptedException e) {
      requests.close(correlation);
      throw e;
    }
    if (first.isEmpty() || first.get().data().has("error") || ended(first.get())) {
      requests.close(correlation);
      return text(first);
    }
    return new FollowedLog(
        first.get(),
        requests.answers(correlation),
        settings.heartbeatTimeout(),
        alive,
        () -> requests.close(correlation),
        () -> cancel(correlation, subject));
  }

  /** An answer nobody waited for: a followed log's line is cancelled again. */
  void late(JsonNode event) {
    if (!CloudEvents.LOGS.equals(event.path("type").asText())
        || !event.has("logsequence")
        || event.path("data").path("end").asBoolean(false)) {
      return;
    }
    Instant last = cancelled.get(event.path("correlationid").asText());
    if (last == null || !last.plus(CANCEL_AGAIN_AFTER).isAfter(clock.instant())) {
      cancel(event.path("correlationid").asText(), event.path("subject").asText());
    }
  }

  private String text(Optional<PendingRequests.Answer> answer) {
    PendingRequests.Answer found =
        answer.orElseThrow(
            () ->
                new IllegalStateException(
                    "no worker answered the logs request on "
                        + settings.control()
                        + " within "
                        + settings.requestTimeout().toSeconds()
                        + " s"));
    if (found.data().has("error")) {
      throw new PodNotFoundException(found.data().path("message").asText("not found"));
    }
    return found.data().path("text").asText();
  }

  private static boolean ended(PendingRequests.Answer answer) {
    return answer.data().path("end").asBoolean(false);
  }

  /** Tells the worker to stop sending a followed log: the request's correlation id, again. */
  private void cancel(String correlation, String subject) {
    Instant now = clock.instant();
    cancelled.values().removeIf(at -> at.plus(CANCEL_AGAIN_AFTER).isBefore(now));
    cancelled.put(correlation, now);
    ObjectNode event = CloudEvents.event(CloudEvents.LOGS_CANCEL, settings.node(), clock);
    event.put("subject", subject);
    event.put("correlationid", correlation);
    control.accept(event);
  }
}
