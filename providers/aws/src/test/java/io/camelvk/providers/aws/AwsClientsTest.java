package io.camelvk.providers.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.EcsException;

/**
 * The clients' endpoint, retries and timeouts. moto never throttles ({@code
 * MotoBehaviourTest#motoNeverThrottles}), so a loopback stub answers ThrottlingException here; an
 * unreachable endpoint is a moto that was stopped.
 */
class AwsClientsTest {

  private static final String THROTTLED =
      "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}";

  @Test
  void throttlingIsRetriedThreeTimesInAllByTheStandardStrategyThenThrown() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    HttpServer stub =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    stub.createContext(
        "/",
        exchange -> {
          calls.incrementAndGet();
          exchange.getRequestBody().readAllBytes();
          byte[] body = THROTTLED.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
          exchange.sendResponseHeaders(400, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    stub.start();
    URI endpoint = URI.create("http://127.0.0.1:" + stub.getAddress().getPort());
    withDummyCredentials();
    try (EcsClient ecs = new AwsClients(Region.US_EAST_1, Optional.of(endpoint)).ecs()) {
      assertThatThrownBy(() -> ecs.describeClusters(request -> request.clusters("vk")))
          .isInstanceOfSatisfying(
              EcsException.class,
              e -> {
                assertThat(e.isThrottlingException()).isTrue();
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
              });
      assertThat(calls).hasValue(3);
    } finally {
      stub.stop(0);
    }
  }

  @Test
  @Timeout(value = MotoServer.START_MINUTES, unit = TimeUnit.MINUTES)
  void aStoppedMotoIsUnreachableAndTheCallFailsWithinTheCallTimeout() {
    URI endpoint;
    try (MotoServer moto = MotoServer.start()) {
      endpoint = moto.endpoint();
    }
    try (EcsClient ecs = new AwsClients(Region.US_EAST_1, Optional.of(endpoint)).ecs()) {
      Instant start = Instant.now();

      assertThatThrownBy(() -> ecs.describeClusters(request -> request.clusters("vk")))
          .isInstanceOf(SdkClientException.class)
          .hasRootCauseInstanceOf(ConnectException.class);
      assertThat(Duration.between(start, Instant.now())).isLessThan(AwsClients.CALL_TIMEOUT);
    }
  }

  @Test
  void toStringNamesRegionAndEndpointButNoUserInfo() {
    AwsClients plain = new AwsClients(Region.EU_WEST_1, Optional.empty());
    AwsClients withUserInfo =
        new AwsClients(
            Region.EU_WEST_1, Optional.of(URI.create("https://user:s3cret@ecs.internal:8443/")));

    assertThat(plain).hasToString("AwsClients[region=eu-west-1]");
    assertThat(withUserInfo.toString())
        .isEqualTo("AwsClients[region=eu-west-1, endpoint=https://ecs.internal:8443]");
  }

  private static void withDummyCredentials() {
    System.setProperty("aws.accessKeyId", System.getProperty("aws.accessKeyId", "testing"));
    System.setProperty("aws.secretAccessKey", System.getProperty("aws.secretAccessKey", "testing"));
  }
}
