package io.camelvk.providers.mock.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camelvk.api.stream.InboundPipe;
import io.camelvk.provider.ProviderException;
import io.camelvk.providers.mock.MockFixture;
import io.camelvk.providers.mock.MockProvider;
import io.camelvk.providers.mock.RunningSession;
import io.camelvk.providers.mock.pod.PodBehaviour;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PortForwardingTest {

  @RegisterExtension final MockFixture fixture = MockFixture.standingStill();
  private final MockProvider provider = fixture.provider();

  @Test
  void everyPortEchoesAsBytesArriveAndTheClientsEndOfInputEndsTheCall() throws Exception {
    provider.createPod(MockFixture.pod("web", Map.of(), "Always"));
    Forward forward = new Forward(provider, "web", 8080);

    forward.send("ping");
    forward.awaitReceived("ping");
    assertThat(forward.call.isDone()).isFalse();
    forward.send("pong");
    forward.awaitReceived("pingpong");
    forward.fromClient.end();
    forward.awaitEnd();
    assertThat(forward.received()).isEqualTo("pingpong");
  }

  @Test
  void binaryDataCrossesUnchangedOnSeveralPortsAtOnce() throws Exception {
    provider.createPod(MockFixture.pod("web", Map.of(), "Always"));
    byte[] data = new byte[1 << 20];
    new Random(7).nextBytes(data);
    Forward first = new Forward(provider, "web", 80);
    Forward second = new Forward(provider, "web", 443);
    first.fromClient.offer(data);
    second.send("other");
    first.fromClient.end();
    second.fromClient.end();
    first.awaitEnd();
    second.awaitEnd();
    assertThat(first.receivedBytes()).isEqualTo(data);
    assertThat(second.received()).isEqualTo("other");
  }

  @Test
  void theCallEndsWhenTheClientGoesAway() throws Exception {
    provider.createPod(MockFixture.pod("web", Map.of(), "Always"));
    Forward forward = new Forward(provider, "web", 8080);
    forward.send("x");
    forward.awaitReceived("x");
    forward.thread.interrupt();
    forward.awaitEnd();
  }

  @Test
  void portsNamedInTheAnnotationRefuseConnections() throws Exception {
    provider.createPod(
        MockFixture.pod("picky", Map.of(PodBehaviour.REFUSED_PORTS, "9000, 9001"), "Always"));
    Forward refused = new Forward(provider, "picky", 9001);
    assertThatThrownBy(refused::awaitEnd)
        .cause()
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.TRANSIENT))
        .hasMessageContaining("localhost:9001")
        .hasMessageContaining("connection refused");
    Forward open = new Forward(provider, "picky", 8080);
    open.send("ok");
    open.fromClient.end();
    open.awaitEnd();
    assertThat(open.received()).isEqualTo("ok");
    assertThatThrownBy(
            () ->
                provider.createPod(
                    MockFixture.pod("bad", Map.of(PodBehaviour.REFUSED_PORTS, "http"), "Always")))
        .hasMessageContaining(PodBehaviour.REFUSED_PORTS);
  }

  @Test
  void unknownPodsAndBadPortsFailAndAClosedProviderServesNoMore() {
    provider.createPod(MockFixture.pod("web", Map.of(), "Always"));
    OutputStream sink = OutputStream.nullOutputStream();
    InboundPipe none = new InboundPipe(() -> {}, () -> {});
    assertThatThrownBy(() -> provider.portForward("ns", "none", 80, none, sink))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND));
    assertThatThrownBy(() -> provider.portForward("ns", "web", 0, none, sink))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID));
    provider.close();
    assertThatThrownBy(() -> provider.portForward("ns", "web", 80, none, sink))
        .hasMessageContaining("closed");
  }

  /** One forwarded connection, running on its own thread as a transport runs it. */
  private static final class Forward {
    final InboundPipe fromClient = new InboundPipe(() -> {}, () -> {});
    final ByteArrayOutputStream toClient = new ByteArrayOutputStream();
    final CompletableFuture<Void> call = new CompletableFuture<>();
    final Thread thread;

    Forward(MockProvider provider, String pod, int port) {
      OutputStream out =
          new OutputStream() {
            @Override
            public void write(int b) {
              write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
              synchronized (toClient) {
                toClient.write(bytes, offset, length);
              }
            }
          };
      thread =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      provider.portForward("ns", pod, port, fromClient, out);
                      call.complete(null);
                    } catch (RuntimeException e) {
                      call.completeExceptionally(e);
                    }
                  });
    }

    void send(String text) {
      fromClient.offer(text.getBytes(StandardCharsets.UTF_8));
    }

    byte[] receivedBytes() {
      synchronized (toClient) {
        return toClient.toByteArray();
      }
    }

    String received() {
      return new String(receivedBytes(), StandardCharsets.UTF_8);
    }

    void awaitReceived(String expected) {
      await().atMost(RunningSession.WAIT).until(() -> received().equals(expected));
    }

    void awaitEnd() throws InterruptedException, ExecutionException {
      try {
        call.get(RunningSession.WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError("the forwarded connection did not end", e);
      }
    }
  }
}
