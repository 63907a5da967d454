package io.camelvk.providers.aws;

import io.camelvk.provider.LogOptions;
import io.camelvk.provider.PodNotFoundException;
import io.camelvk.providers.aws.task.ContainerLogs;
import io.camelvk.providers.aws.task.TaskId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * A container's log from CloudWatch Logs, where the task's {@code awslogs} driver writes it (one
 * stream per container and task): the whole log, its last lines ({@code --tail}: one GetLogEvents
 * from the end) or those since a time; {@code --follow} polls for more.
 */
final class TaskLogs {

  /** How often a followed log asks for more. */
  static final Duration FOLLOW_POLL = Duration.ofSeconds(1);

  /** A log read from its start stops after this many pages (of up to 10,000 events or 1 MB). */
  private static final int MAX_PAGES = 100;

  private final CloudWatchLogsClient logs;
  private final String logGroup;
  private final TaskLedger ledger;

  TaskLogs(CloudWatchLogsClient logs, String logGroup, TaskLedger ledger) {
    this.logs = logs;
    this.logGroup = logGroup;
    this.ledger = ledger;
  }

  Object read(String namespace, String name, String container, LogOptions options) {
    TaskLedger.Tracked task =
        ledger
            .named(namespace, name)
            .orElseThrow(
                () ->
                    new PodNotFoundException(
                        "the aws provider runs no pod " + namespace + "/" + name));
    String uid = task.uid();
    if (!task.has(container)) {
      throw new PodNotFoundException(
          "pod " + namespace + "/" + name + " has no container " + container);
    }
    String stream = ContainerLogs.streamName(container, TaskId.of(task.taskArn()));
    Page first = options.tailLines() != null ? tail(stream, options) : fromStart(stream, options);
    String text = LogLines.format(first.events(), options.timestamps());
    if (!options.follow()) {
      return text;
    }
    return new FollowedTaskLog(
        text,
        first.token(),
        token -> next(stream, token, options.since()),
        () -> ledger.ended(uid),
        FOLLOW_POLL,
        options.timestamps());
  }

  /** Events and the token to read on from. */
  record Page(List<OutputLogEvent> events, String token) {}

  private Page tail(String stream, LogOptions options) {
    GetLogEventsRequest.Builder request =
        GetLogEventsRequest.builder()
            .logGroupName(logGroup)
            .logStreamName(stream)
            .startFromHead(false)
            .limit(Math.max(1, Math.min(10_000, options.tailLines())));
    since(request, options.since());
    return options.tailLines() == 0
        ? new Page(List.of(), get(request.build()).token())
        : get(request.build());
  }

  private Page fromStart(String stream, LogOptions options) {
    GetLogEventsRequest.Builder request =
        GetLogEventsRequest.builder()
            .logGroupName(logGroup)
            .logStreamName(stream)
            .startFromHead(true);
    since(request, options.since());
    Page page = get(request.build());
    List<OutputLogEvent> events = new ArrayList<>(page.events());
    for (int pages = 1; pages < MAX_PAGES && !page.events().isEmpty(); pages++) {
      Page next = get(request.nextToken(page.token()).build());
      events.addAll(next.events());
      if (next.token() == null || next.token().equals(page.token())) {
        page = next;
        break;
      }
      page = next;
    }
    return new Page(events, page.token());
  }

  /**
   * The events after the token (read with the same {@code since} as the first page: a token is a
   * position among the lines after it); the same token when there are none.
   */
  Page next(String stream, String token, Instant since) {
    GetLogEventsRequest.Builder request =
        GetLogEventsRequest.builder()
            .logGroupName(logGroup)
            .logStreamName(stream)
            .startFromHead(true);
    since(request, since);
    if (token != null) {
      request.nextToken(token);
    }
    return get(request.build());
  }

  private Page get(GetLogEventsRequest request) {
    try {
      GetLogEventsResponse answer = logs.getLogEvents(request);
      return new Page(answer.events(), answer.nextForwardToken());
    } catch (ResourceNotFoundException noStreamYet) {
      return new Page(List.of(), request.nextToken());
    }
  }

  private static void since(GetLogEventsRequest.Builder request, Instant since) {
    if (since != null) {
      request.startTime(since.toEpochMilli());
    }
  }

  static String taskId(String taskArn) {
    return taskArn.substring(taskArn.lastIndexOf('/') + 1);
  }
}
