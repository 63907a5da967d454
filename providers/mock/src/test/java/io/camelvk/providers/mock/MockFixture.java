package io.camelvk.providers.mock;

import io.camelvk.provider.RemoteStreams;
import io.camelvk.provider.TerminalResizes;
import io.camelvk.test.MutableClock;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A mock provider with its notification thread, and the pods the mock's tests give it. Registered
 * as an extension ({@code @RegisterExtension final MockFixture fixture = ...}) it closes after each
 * test.
 */
public final class MockFixture implements AutoCloseable, AfterEachCallback {

  public static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

  /** The pod of {@link #withBox()}. */
  public static final String BOX = "box";

  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
  private final MockProvider provider;

  private MockFixture(Clock clock) {
    provider = new MockProvider(MockProviderConfig.defaults(), clock, scheduler);
  }

  /** On a clock that stands still at {@link #START}. */
  public static MockFixture standingStill() {
    return new MockFixture(new MutableClock(START));
  }

  /** On the system clock, for containers that must live and exit in real time. */
  public static MockFixture realTime() {
    return new MockFixture(Clock.systemUTC());
  }

  /** On a clock that stands still at {@link #START}, with a running pod {@link #BOX} to exec in. */
  public static MockFixture withBox() {
    MockFixture fixture = standingStill();
    fixture.provider.createPod(pod(BOX, Map.of(), "Always"));
    return fixture;
  }

  /** Runs a command in {@link #BOX} with empty stdin, without a tty, and waits for its end. */
  public RunningSession run(String... command) {
    return feed(new byte[0], command);
  }

  /** Runs a command in {@link #BOX} with {@code stdin}, without a tty, and waits for its end. */
  public RunningSession feed(byte[] stdin, String... command) {
    RunningSession session = RunningSession.exec(provider, BOX, false, command);
    session.send(stdin);
    session.endInput();
    session.awaitExit();
    return session;
  }

  public MockProvider provider() {
    return provider;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    provider.close();
    scheduler.shutdownNow();
  }

  /** A pod in namespace {@code ns} with a random UID and one container, {@code app}. */
  public static Pod pod(String name, Map<String, String> annotations, String restartPolicy) {
    return pod(name, UUID.randomUUID().toString(), annotations, restartPolicy);
  }

  /** A pod in namespace {@code ns} with one container, {@code app}. */
  public static Pod pod(
      String name, String uid, Map<String, String> annotations, String restartPolicy) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace("ns")
        .withName(name)
        .withUid(uid)
        .withAnnotations(annotations)
        .endMetadata()
        .withNewSpec()
        .withRestartPolicy(restartPolicy)
        .addNewContainer()
        .withName("app")
        .withImage("busybox")
        .endContainer()
        .endSpec()
        .build();
  }

  /** A session that asked for no stream at all. */
  public static RemoteStreams noStreams() {
    return new RemoteStreams(
        Optional.empty(), Optional.empty(), Optional.empty(), false, new TerminalResizes());
  }
}
