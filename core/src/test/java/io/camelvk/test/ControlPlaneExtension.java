package io.camelvk.test;

import io.camelvk.controlplane.ControlPlaneBinaries;
import io.camelvk.controlplane.ControlPlaneOptions;
import io.camelvk.controlplane.LocalControlPlane;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Starts etcd, kube-apiserver, kube-scheduler and kube-controller-manager once per JVM, gives each
 * test class a fresh namespace, and copies the component logs under {@code target/} when a test
 * fails. The control plane's own shutdown hook ends every process at JVM exit; a JVM killed
 * outright has its processes ended by the next start.
 */
public final class ControlPlaneExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver, TestWatcher {

  static final String LOGS_PROPERTY = "vk.test.logs";
  private static final long NAMESPACE_READY_SECONDS = 60;
  private static final AtomicInteger STARTS = new AtomicInteger();
  private static LocalControlPlane plane;
  private static KubernetesClient client;

  /** How many control planes this JVM has started; the harness promises one. */
  public static int starts() {
    return STARTS.get();
  }

  static synchronized TestCluster forNamespace(String namespace) {
    if (plane == null) {
      LocalControlPlane started =
          LocalControlPlane.start(
              ControlPlaneBinaries.resolve(),
              Path.of(System.getProperty("java.io.tmpdir"), "camel-virtual-kubelet-test"),
              ControlPlaneOptions.defaults());
      STARTS.incrementAndGet();
      try {
        client =
            new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(started.kubeconfig().toFile()))
                .build();
      } catch (RuntimeException e) {
        started.close();
        throw e;
      }
      plane = started;
    }
    return new TestCluster(plane, client, namespace);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    String namespace = namespaceFor(context.getRequiredTestClass());
    TestCluster cluster = forNamespace(namespace);
    cluster
        .client()
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
    // Pods are refused until the controller manager has made the namespace's default account.
    cluster
        .client()
        .serviceAccounts()
        .inNamespace(namespace)
        .withName("default")
        .waitUntilCondition(sa -> sa != null, NAMESPACE_READY_SECONDS, TimeUnit.SECONDS);
    store(context).put(TestCluster.class, cluster);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    TestCluster cluster = store(context).get(TestCluster.class, TestCluster.class);
    if (context.getExecutionException().isPresent()) {
      copyLogs(context.getRequiredTestClass().getSimpleName());
    }
    if (cluster != null) {
      cluster.client().namespaces().withName(cluster.namespace()).delete();
    }
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    copyLogs(context.getRequiredTestClass().getSimpleName() + "/" + context.getDisplayName());
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return Optional.ofNullable(store(context).get(TestCluster.class, TestCluster.class))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "control plane not started for " + context.getUniqueId()));
  }

  /** The class's cluster, for other extensions. */
  static TestCluster cluster(ExtensionContext context) {
    return store(context).get(TestCluster.class, TestCluster.class);
  }

  private static synchronized void copyLogs(String name) {
    if (plane != null) {
      Path target = Path.of(System.getProperty(LOGS_PROPERTY, "target/control-plane-logs"));
      ComponentLogs.copy(plane, target.resolve(ComponentLogs.safeName(name)));
    }
  }

  private static ExtensionContext.Store store(ExtensionContext context) {
    return context.getStore(
        ExtensionContext.Namespace.create(
            ControlPlaneExtension.class, context.getRequiredTestClass()));
  }

  static String namespaceFor(Class<?> testClass) {
    String base = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    String suffix = UUID.randomUUID().toString().substring(0, 5);
    return base.substring(0, Math.min(base.length(), 40)) + "-" + suffix;
  }
}
