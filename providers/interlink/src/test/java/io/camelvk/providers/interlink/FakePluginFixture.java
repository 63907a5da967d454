package io.camelvk.providers.interlink;

import static org.awaitility.Awaitility.await;

import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.ProviderContext;
import io.camelvk.test.TestPods;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A test's fake plugin and the provider made by the factory in front of it, both stopped after. */
abstract class FakePluginFixture {

  static final Duration PATIENCE = Duration.ofSeconds(20);

  @TempDir Path dir;
  FakePlugin plugin;
  InterlinkProvider provider;

  @AfterEach
  void stop() {
    if (provider != null) {
      provider.close();
    }
    if (plugin != null) {
      plugin.close();
    }
  }

  InterlinkProvider provider(Map<String, String> settings) {
    Map<String, String> properties = new HashMap<>(settings);
    properties.putIfAbsent("url", plugin.url());
    properties.putIfAbsent("state-dir", dir.resolve("state").toString());
    properties.putIfAbsent("status-max-age", "100ms");
    return (InterlinkProvider)
        new InterlinkProviderFactory()
            .create(new ProviderContext("node", Optional.empty(), Clock.systemUTC(), properties));
  }

  void awaitRunning(Pod pod) {
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                provider
                    .podStatus("ns", pod.getMetadata().getName())
                    .map(PodStatus::getContainerStatuses)
                    .filter(
                        c ->
                            !c.isEmpty() && c.getFirst().getState().getRunning() != null
                                || !c.isEmpty() && c.getFirst().getState().getTerminated() != null)
                    .isPresent());
  }

  static Pod pod(String name, String script) {
    return TestPods.named("ns", name, UUID.randomUUID().toString())
        .editSpec()
        .withRestartPolicy("Never")
        .editFirstContainer()
        .withCommand("sh", "-c", script)
        .endContainer()
        .endSpec()
        .build();
  }

  static NodeCondition ready(NodeProfile profile) {
    return profile.conditions().stream()
        .filter(c -> c.getType().equals("Ready"))
        .findFirst()
        .orElseThrow();
  }

  static String uid(Pod pod) {
    return pod.getMetadata().getUid();
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
