package io.camelvk.providers.mock.logs;

import io.camelvk.provider.LogOptions;
import io.camelvk.provider.ProviderException;
import io.camelvk.providers.mock.pod.ContainerTimeline;
import io.camelvk.providers.mock.pod.InstanceRun;
import io.camelvk.providers.mock.pod.LogLine;
import io.camelvk.providers.mock.pod.SimulatedPod;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The log of one container of a mock pod as {@code kubectl logs} asks for it: the current or the
 * previous instance, rendered with the options, followed while the instance runs.
 */
public final class ContainerLog {

  private ContainerLog() {}

  public static InputStream open(
      SimulatedPod mock, String container, LogOptions options, Clock clock) {
    Instant now = clock.instant();
    ContainerTimeline timeline = mock.timeline(container);
    ContainerTimeline.Moment moment = timeline.at(now);
    if (options.previous()) {
      return previous(mock, container, timeline, moment, options, now);
    }
    if (moment.instanceStart() == null) {
      return new ByteArrayInputStream(new byte[0]);
    }
    InstanceRun run = timeline.run(moment.instance()).orElseThrow();
    List<LogLine> lines = run.lines(0, now);
    byte[] sofar = InstanceLog.render(lines, options);
    if (options.follow() && moment.state().getRunning() != null) {
      long next = lines.isEmpty() ? 0 : lines.getLast().number() + 1;
      return new LogFollower(
          timeline, moment.instance(), run, next, sofar, options.timestamps(), clock);
    }
    return new ByteArrayInputStream(sofar);
  }

  /** The instance before the current one: the one that exited, while the container waits. */
  private static InputStream previous(
      SimulatedPod mock,
      String container,
      ContainerTimeline timeline,
      ContainerTimeline.Moment moment,
      LogOptions options,
      Instant now) {
    int previous = moment.instance() - (moment.state().getWaiting() != null ? 0 : 1);
    InstanceRun run =
        moment.instanceStart() == null || previous < 0 ? null : timeline.run(previous).orElse(null);
    if (run == null) {
      throw ProviderException.notFound(
          "previous terminated container \""
              + container
              + "\" in pod \""
              + mock.pod().getMetadata().getName()
              + "\" not found");
    }
    return new ByteArrayInputStream(InstanceLog.render(run.lines(0, now), options));
  }
}
