package io.camelvk.providers.aws;

import io.camelvk.controlplane.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * A {@code moto_server} (PyPI {@code moto[server]}, see {@link MotoVenv}) on a free loopback port,
 * for the tests' ECS, CloudWatch Logs and EC2 calls: started once it answers, stopped with its
 * children on close. Its log goes to {@code target/moto-server-<port>.log}. What moto does and does
 * not do is pinned down by {@code MotoBehaviourTest} and listed in {@code
 * docs/providers/aws-moto.md}.
 */
public final class MotoServer implements AutoCloseable {

  /**
   * The longest {@link #start()} may take, a first install of moto included: a JUnit {@code
   * Timeout} in minutes for the methods that start moto, above the default of one minute.
   */
  public static final long START_MINUTES = 12;

  /** The region the tests use; moto serves any. */
  public static final String REGION = "us-east-1";

  private static final String MANUAL_TASKS =
      "{\"model_name\":\"ecs::task\",\"transition\":{\"progression\":\"manual\",\"times\":1000000}}";
  private static final String ONE_STEP_PER_DESCRIBE =
      "{\"model_name\":\"ecs::task\",\"transition\":{\"progression\":\"manual\",\"times\":1}}";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final Pattern SUBNET_ID =
      Pattern.compile("<subnetId>(subnet-[0-9a-f]+)</subnetId>");

  private final Process process;
  private final URI endpoint;
  private final Path log;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(REQUEST_TIMEOUT)
          .build();

  private MotoServer(Process process, URI endpoint, Path log) {
    this.process = process;
    this.endpoint = endpoint;
    this.log = log;
  }

  /**
   * Installs moto if needed, starts it and waits until it answers. Sets dummy credentials as the
   * system properties {@code aws.accessKeyId} and {@code aws.secretAccessKey} unless set, so that
   * the SDK's default chain finds them (moto checks no signature).
   */
  public static MotoServer start() {
    return start(Path.of("target"));
  }

  /**
   * Like {@link #start()}, with the virtual environment and the log under {@code buildDirectory}
   * (the benchmark runs from the repository's root and uses the module's {@code target/}).
   */
  public static MotoServer start(Path buildDirectory) {
    System.setProperty("aws.accessKeyId", System.getProperty("aws.accessKeyId", "testing"));
    System.setProperty("aws.secretAccessKey", System.getProperty("aws.secretAccessKey", "testing"));
    Path script = MotoVenv.in(buildDirectory).motoServer();
    int port = LoopbackPorts.free();
    Path log = buildDirectory.resolve("moto-server-" + port + ".log").toAbsolutePath();
    Process process;
    try {
      process =
          new ProcessBuilder(script.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + script, e);
    }
    MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port), log);
    try {
      server.awaitAnswer();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** The endpoint override for the AWS clients. */
  public URI endpoint() {
    return endpoint;
  }

  /** Tasks keep their lastStatus until {@link #advanceTask} or StopTask moves them. */
  public void manualTaskTransitions() {
    post("/moto-api/state-manager/set-transition", MANUAL_TASKS);
  }

  /** Back to moto's default for tasks: one step per DescribeTasks that names the task. */
  public void automaticTaskTransitions() {
    post("/moto-api/state-manager/unset-transition", "{\"model_name\":\"ecs::task\"}");
  }

  /**
   * Moves one task one step on (RUNNING, DEACTIVATING, STOPPING, DEPROVISIONING, STOPPED) while
   * manual transitions are on: moto has no call for it, so this lets tasks step once per describe,
   * describes that task alone and sets manual transitions again.
   */
  public void advanceTask(EcsClient ecs, String cluster, String taskArn) {
    post("/moto-api/state-manager/set-transition", ONE_STEP_PER_DESCRIBE);
    try {
      ecs.describeTasks(request -> request.cluster(cluster).tasks(taskArn));
    } finally {
      manualTaskTransitions();
    }
  }

  /** Forgets every resource of every service; the task transition set stays as it was. */
  public void reset() {
    post("/moto-api/reset", "");
  }

  /**
   * The default VPC's subnets in {@link #REGION}, which moto makes afresh after each reset, with
   * ids that differ each time: RunTask with awsvpc needs one of them. Asked with EC2's query API
   * over plain HTTP, because the EC2 SDK client is no dependency of the module.
   */
  public List<String> defaultSubnets() {
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(endpoint.resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential=test/20260101/"
                        + REGION
                        + "/ec2/aws4_request, SignedHeaders=host, Signature=0")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "Action=DescribeSubnets&Version=2016-11-15"
                            + "&Filter.1.Name=default-for-az&Filter.1.Value.1=true")));
    Matcher ids = SUBNET_ID.matcher(answer.body());
    List<String> subnets = ids.results().map(match -> match.group(1)).toList();
    if (subnets.isEmpty()) {
      throw new IllegalStateException("moto has no default subnets: " + answer.body());
    }
    return subnets;
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  @Override
  public String toString() {
    return "moto_server " + MotoVenv.MOTO_VERSION + " at " + endpoint;
  }

  private void awaitAnswer() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    HttpRequest probe =
        HttpRequest.newBuilder(
                endpoint.resolve("/moto-api/state-manager/get-transition?model_name=ecs::task"))
            .timeout(REQUEST_TIMEOUT)
            .build();
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "moto_server ended with exit code " + process.exitValue() + "; " + MotoVenv.tail(log));
      }
      try {
        if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for moto_server", e);
      }
      pause();
    }
    throw new IllegalStateException(
        "moto_server did not answer within " + START_TIMEOUT + "; " + MotoVenv.tail(log));
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for moto_server", e);
    }
  }

  private void post(String path, String json) {
    send(
        HttpRequest.newBuilder(endpoint.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> answer =
          http.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            "moto answered " + answer.statusCode() + " to " + answer.uri() + ": " + answer.body());
      }
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException("moto_server at " + endpoint + " did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
