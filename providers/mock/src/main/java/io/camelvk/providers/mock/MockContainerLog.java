package io.camelvk.providers.mock;

import io.camelvk.provider.LogOptions;
import io.camelvk.provider.ProviderException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;

/**
 * The log of one container of a mock pod as {@code kubectl logs} asks for it: the current or the
 * previous instance, rendered with the options, followed while the instance runs.
 */
final class MockContainerLog {

  private MockContainerLog() {}

  static InputStream open(
      MockPod mock, String podKey, String container, LogOptions options, Clock clock) {
    Instant now = clock.instant();
    MockContainerTimeline timeline = mock.timeline();
    MockContainerTimeline.Moment moment = timeline.at(now);
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
        MockLogs.render(
            MockLogs.lines(podKey, container, moment.instance(), moment.instanceStart(), until),
            options);
    if (options.follow() && moment.state().getRunning() != null) {
      return new MockLogFollower(
          podKey, container, timeline, moment, sofar, options.timestamps(), clock);
    }
    return new ByteArrayInputStream(sofar);
  }

  private static InputStream previous(
      MockPod mock,
      String podKey,
      String container,
      MockContainerTimeline.Moment moment,
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
        MockLogs.render(
            MockLogs.lines(
                podKey,
                container,
                moment.instance() - (moment.state().getRunning() != null ? 1 : 0),
                Instant.parse(last.getStartedAt()),
                Instant.parse(last.getFinishedAt())),
            options));
  }
}
