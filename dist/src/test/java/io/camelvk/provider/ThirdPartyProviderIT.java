package io.camelvk.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camelvk.test.ForkedKubelet;
import io.camelvk.test.Kubectl;
import io.camelvk.test.TestCluster;
import io.camelvk.test.TestPods;
import io.camelvk.test.WithControlPlane;
import io.camelvk.testprovider.InstantProvider;
import io.camelvk.testprovider.WebhookBackend;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Providers that this repository's distribution does not contain, dropped on the class path of the
 * virtual kubelet process as a user would: a jar with a bean provider (its classes, its factory in
 * META-INF/services and its route file) and a folder with a route file. Nothing else names them.
 */
@WithControlPlane
class ThirdPartyProviderIT {

  private static final Duration RUNNING = Duration.ofSeconds(90);

  @Test
  void aProviderJarAndARouteFolderOnTheClassPathRunPods(TestCluster cluster, @TempDir Path dir)
      throws IOException {
    Path jar = instantProviderJar(dir.resolve("instant-provider.jar"));
    Path routes = dir.resolve("routes");
    Files.createDirectories(routes.resolve("providers/webhook"));
    Files.copy(
        Path.of("target/test-classes/providers/webhook/provider-webhook.yaml"),
        routes.resolve("providers/webhook/provider-webhook.yaml"));
    String node = "vk-" + cluster.namespace();
    try (WebhookBackend webhook = WebhookBackend.start();
        ForkedKubelet kubelet =
            ForkedKubelet.start(
                cluster,
                cluster.namespace(),
                List.of(
                    "--nodename",
                    node,
                    "--provider",
                    "instant",
                    "--providers",
                    "webhook",
                    "--client-ca-file",
                    cluster.plane().certificates().caCertificate().toString()),
                List.of(jar, routes),
                Map.of("VK_PROVIDER_WEBHOOK_URL", webhook.url()))) {
      cluster.create(TestPods.boundTo(node, "on-instant").build());
      cluster.create(
          TestPods.boundTo(node, "on-webhook")
              .editMetadata()
              .addToAnnotations("virtual-kubelet.io/provider", "webhook")
              .endMetadata()
              .build());
      await().atMost(RUNNING).until(() -> TestPods.isRunningAndReady(cluster.pod("on-instant")));
      await().atMost(RUNNING).until(() -> TestPods.isRunningAndReady(cluster.pod("on-webhook")));

      assertThat(cluster.kubectl("logs", "-n", cluster.namespace(), "on-instant"))
          .isEqualTo("instant: " + cluster.namespace() + "/on-instant/app\n");
      assertThat(cluster.kubectl("logs", "-n", cluster.namespace(), "on-webhook"))
          .isEqualTo("webhook: " + cluster.namespace() + "/on-webhook/app\n");
      assertThat(
              Kubectl.of(cluster)
                  .run("", "exec", "-n", cluster.namespace(), "on-instant", "--", "true")
                  .stdout())
          .isEqualTo("instant: true\n");
      assertThat(webhook.pods()).contains(cluster.pod("on-webhook").getMetadata().getUid());
      assertThat(kubelet.log()).contains("started with providers [instant, webhook]");
    } finally {
      cluster.client().pods().inNamespace(cluster.namespace()).withGracePeriod(0).delete();
      cluster.client().nodes().withName(node).delete();
    }
  }

  /** The test provider's classes, factory list and route, packed as another project would. */
  private static Path instantProviderJar(Path jar) throws IOException {
    Path classes = Path.of("target", "test-classes");
    String pkg = InstantProvider.class.getPackageName().replace('.', '/');
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      for (String folder :
          List.of("META-INF/", "META-INF/services/", "providers/", "providers/instant/")) {
        out.putNextEntry(new JarEntry(folder));
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("META-INF/services/io.camelvk.provider.ProviderFactory"));
      out.write("io.camelvk.testprovider.InstantProviderFactory\n".getBytes());
      out.closeEntry();
      add(out, classes, "providers/instant/provider-instant.yaml");
      try (var files = Files.list(classes.resolve(pkg))) {
        for (Path clazz :
            files.filter(f -> f.getFileName().toString().startsWith("InstantProvider")).toList()) {
          add(out, classes, pkg + "/" + clazz.getFileName());
        }
      }
    }
    return jar;
  }

  private static void add(JarOutputStream out, Path root, String name) throws IOException {
    out.putNextEntry(new JarEntry(name));
    out.write(Files.readAllBytes(root.resolve(name)));
    out.closeEntry();
  }
}
