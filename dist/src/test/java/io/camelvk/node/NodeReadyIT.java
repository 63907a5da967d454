package io.camelvk.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.controlplane.LoopbackPorts;
import io.camelvk.test.ForkedKubelet;
import io.camelvk.test.TestCluster;
import io.camelvk.test.WithControlPlane;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The node turns Ready only once the kubelet API accepts connections, so that a kubectl logs right
 * after start-up reaches it. Checked from the first watch event that shows the node Ready.
 */
@WithControlPlane
class NodeReadyIT {

  @Test
  void whenTheNodeFirstShowsReadyTheKubeletApiAlreadyAccepts(TestCluster cluster) {
    String node = "ready-" + cluster.namespace();
    int port = LoopbackPorts.free();
    CompletableFuture<Boolean> acceptedAtReady = new CompletableFuture<>();
    Watch watch =
        cluster.client().nodes().withName(node).watch(atFirstReady(port, acceptedAtReady));
    try (ForkedKubelet kubelet =
        ForkedKubelet.start(
            cluster, node, List.of("--nodename", node, "--kubelet-port", Integer.toString(port)))) {
      await()
          .atMost(Duration.ofSeconds(120))
          .until(() -> acceptedAtReady.isDone() || !kubelet.isAlive());

      assertThat(acceptedAtReady.join())
          .as("port %d accepts when the node is first Ready", port)
          .isTrue();
    } finally {
      watch.close();
      cluster.client().nodes().withName(node).delete();
    }
  }

  private static Watcher<Node> atFirstReady(int port, CompletableFuture<Boolean> accepted) {
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, Node node) {
        if (!accepted.isDone() && ready(node)) {
          accepted.complete(accepts(port));
        }
      }

      @Override
      public void onClose(WatcherException cause) {}
    };
  }

  private static boolean ready(Node node) {
    return node.getStatus() != null
        && node.getStatus().getConditions() != null
        && node.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
