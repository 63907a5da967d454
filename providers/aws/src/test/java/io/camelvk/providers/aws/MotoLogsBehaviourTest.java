package io.camelvk.providers.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * What moto's CloudWatch Logs does for {@code kubectl logs} (GetLogEvents with startFromHead,
 * startTime, limit and the forward token), pinned down as assertions; listed in {@code
 * docs/providers/aws-moto.md}.
 */
class MotoLogsBehaviourTest {

  private static final String GROUP = "/ecs/vk-tests";
  private static final String STREAM = "vk/app/0123456789abcdef";

  private static MotoServer moto;
  private static CloudWatchLogsClient logs;
  private Instant first;

  @BeforeAll
  @Timeout(value = MotoServer.START_MINUTES, unit = TimeUnit.MINUTES)
  static void startMoto() {
    moto = MotoServer.start();
    logs = new AwsClients(Region.of(MotoServer.REGION), Optional.of(moto.endpoint())).logs();
  }

  @AfterAll
  static void stopMoto() {
    if (logs != null) {
      logs.close();
    }
    if (moto != null) {
      moto.close();
    }
  }

  @BeforeEach
  void fiveLines() {
    moto.reset();
    logs.createLogGroup(request -> request.logGroupName(GROUP));
    logs.createLogStream(request -> request.logGroupName(GROUP).logStreamName(STREAM));
    first = Instant.now().minus(Duration.ofMinutes(1));
    put(IntStream.range(0, 5).mapToObj(i -> event(first.plusSeconds(i), "line " + i)).toList());
  }

  @Test
  void startFromHeadAnswersAllLinesOldestFirst() {
    assertThat(messages(get(r -> r.startFromHead(true))))
        .containsExactly("line 0", "line 1", "line 2", "line 3", "line 4");
  }

  @Test
  void withoutStartFromHeadALimitAnswersTheLastLinesAsATail() {
    assertThat(messages(get(r -> r.limit(2)))).containsExactly("line 3", "line 4");
    assertThat(messages(get(r -> r.startFromHead(false)))).hasSize(5);
  }

  @Test
  void startTimeLeavesOutOlderLinesInclusiveOfItsOwnMillisecond() {
    long since = first.plusSeconds(3).toEpochMilli();

    assertThat(messages(get(r -> r.startFromHead(true).startTime(since))))
        .containsExactly("line 3", "line 4");
  }

  @Test
  void theForwardTokenPagesByLimitAndRepeatsOnceAtTheEnd() {
    GetLogEventsResponse page = get(r -> r.startFromHead(true).limit(2));
    assertThat(messages(page)).containsExactly("line 0", "line 1");
    String token = page.nextForwardToken();
    page = get(r -> r.startFromHead(true).limit(2).nextToken(token));
    assertThat(messages(page)).containsExactly("line 2", "line 3");
    String next = page.nextForwardToken();
    page = get(r -> r.startFromHead(true).limit(2).nextToken(next));
    assertThat(messages(page)).containsExactly("line 4");
    String atEnd = page.nextForwardToken();

    GetLogEventsResponse caughtUp = get(r -> r.startFromHead(true).limit(2).nextToken(atEnd));

    assertThat(caughtUp.events()).isEmpty();
    assertThat(caughtUp.nextForwardToken()).isEqualTo(atEnd);
  }

  @Test
  void pollingWithTheRepeatedTokenFindsLinesPutLaterAsFollowNeeds() {
    String atEnd = get(r -> r.startFromHead(true)).nextForwardToken();
    put(List.of(event(first.plusSeconds(10), "line 5")));

    assertThat(messages(get(r -> r.startFromHead(true).nextToken(atEnd))))
        .containsExactly("line 5");
  }

  @Test
  void tokensCountLinesInTimeOrderSoALaterPutOfAnOlderLineShiftsThem() {
    String atEnd = get(r -> r.startFromHead(true)).nextForwardToken();
    put(List.of(event(first.minusSeconds(10), "late but older")));

    assertThat(messages(get(r -> r.startFromHead(true).nextToken(atEnd))))
        .containsExactly("line 4");
    assertThat(messages(get(r -> r.startFromHead(true).limit(1))))
        .containsExactly("late but older");
  }

  @Test
  void oneRequestsLinesMustBeInTimeOrder() {
    assertThatThrownBy(
            () -> put(List.of(event(first.plusSeconds(9), "b"), event(first.plusSeconds(8), "a"))))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("chronological order");
  }

  @Test
  void anEmptyStreamAnswersNoEventsAndAToken() {
    logs.createLogStream(request -> request.logGroupName(GROUP).logStreamName("empty"));

    GetLogEventsResponse answer =
        logs.getLogEvents(
            request -> request.logGroupName(GROUP).logStreamName("empty").startFromHead(true));

    assertThat(answer.events()).isEmpty();
    assertThat(answer.nextForwardToken()).startsWith("f/");
  }

  @Test
  void linesOlderThanFourteenDaysAreRejectedAndOthersAccepted() {
    PutLogEventsResponse answer =
        put(
            List.of(
                event(Instant.now().minus(Duration.ofDays(15)), "too old"),
                event(Instant.now(), "fresh")));

    assertThat(answer.rejectedLogEventsInfo().tooOldLogEventEndIndex()).isZero();
    assertThat(messages(get(r -> r.startFromHead(true))))
        .contains("fresh")
        .doesNotContain("too old");
  }

  @Test
  void errorsForAMissingStreamAGroupTwiceAndABadToken() {
    assertThatThrownBy(
            () -> logs.getLogEvents(request -> request.logGroupName(GROUP).logStreamName("none")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> logs.createLogGroup(request -> request.logGroupName(GROUP)))
        .isInstanceOf(ResourceAlreadyExistsException.class);
    assertThatThrownBy(() -> get(r -> r.nextToken("not-a-token")))
        .isInstanceOf(InvalidParameterException.class);
  }

  private GetLogEventsResponse get(Consumer<GetLogEventsRequest.Builder> options) {
    return logs.getLogEvents(
        request -> {
          request.logGroupName(GROUP).logStreamName(STREAM);
          options.accept(request);
        });
  }

  private static PutLogEventsResponse put(List<InputLogEvent> events) {
    return logs.putLogEvents(
        request -> request.logGroupName(GROUP).logStreamName(STREAM).logEvents(events));
  }

  private static InputLogEvent event(Instant at, String message) {
    return InputLogEvent.builder().timestamp(at.toEpochMilli()).message(message).build();
  }

  private static List<String> messages(GetLogEventsResponse answer) {
    return answer.events().stream().map(OutputLogEvent::message).toList();
  }
}
