package io.camelvk.providers.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelvk.provider.PodNotFoundException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What a logs request is answered with: the text the worker that runs the pod sent, or, for {@code
 * kubectl logs -f}, a {@link FollowedLog} of its later answers that cancels the request on the
 * control topic when the client goes.
 */
final class LogAnswers {

  private final PendingRequests requests;
  private final MessagingSettings settings;
  private final Predicate<String> alive;
  private final Consumer<ObjectNode> control;
  private final Clock clock;

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
        () -> control.accept(cancel(correlation, subject)));
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
  private ObjectNode cancel(String correlation, String subject) {
    ObjectNode event = CloudEvents.event(CloudEvents.LOGS_CANCEL, settings.node(), clock);
    event.put("subject", subject);
    event.put("correlationid", correlation);
    return event;
  }
}
