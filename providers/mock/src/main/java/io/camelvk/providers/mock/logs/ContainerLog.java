package io.camelvk.providers.mock.logs;

import io.camelvk.provider.LogOptions;
import io.camelvk.provider.ProviderException;
import io.camelvk.providers.mock.pod.ContainerTimeline;
import io.camelvk.providers.mock.pod.SimulatedPod;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;

/**
 * The log of one container of a mock pod as {@code kubectl logs} asks for it: the current or the
 * previous instance, rendered with the options, followed while the instance runs.
 */
public final class ContainerLog {

  private ContainerLog() {}

  public static InputStream open(
      SimulatedPod mock, String podKey, String container, LogOptions options, Clock clock) {
    Instant now = clock.instant();
    ContainerTimeline timeline = mock.timeline();
    ContainerTimeline.Moment moment = timeline.at(now);
    if (options.previous()) {
      return previous(mock, podKey, container, moment, options);
    }
    if (moment.instanceStart() == null) {
      return new ByteArrayInputStream(new byte[0]);
    }
    Instant until =
        moment.state().getTerminated() != null
            ? Instant.parse(moment.state().getTerminated().getFinishedAt())
            : moment.state().getWaiting() != null && moment.lastState() != null
                ? Instant.parse(moment.lastState().getTerminated().getFinishedAt())
                : now;
    byte[] sofar =
        InstanceLog.render(
            InstanceLog.lines(podKey, container, moment.instance(), moment.instanceStart(), until),
            options);
    if (options.follow() && moment.state().getRunning() != null) {
      return new LogFollower(
          podKey, container, timeline, moment, sofar, options.timestamps(), clock);
    }
    return new ByteArrayInputStream(sofar);
  }

  private static InputStream previous(
      SimulatedPod mock,
      String podKey,
      String container,
      ContainerTimeline.Moment moment,
      LogOptions options) {
    if (moment.restartCount() == 0 && moment.lastState() == null) {
      throw ProviderException.notFound(
          "previous terminated container \""
              + container
              + "\" in pod \""
              + mock.pod().getMetadata().getName()
              + "\" not found");
    }
    var last = moment.lastState().getTerminated();
    return new ByteArrayInputStream(
        InstanceLog.render(
            InstanceLog.lines(
                podKey,
                container,
                moment.instance() - (moment.state().getRunning() != null ? 1 : 0),
                Instant.parse(last.getStartedAt()),
                Instant.parse(last.getFinishedAt())),
            options));
  }
}
