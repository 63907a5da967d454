package io.camelvk.test;

import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.HashMap;
import java.util.Map;

/** Deployments for the ITs: through the scheduler, onto one virtual node. */
public final class TestDeployments {

  /** The label every pod of {@link #web} has. */
  public static final String APP = "app";

  private TestDeployments() {}

  /**
   * Deployment {@code web}: {@code replicas} pods labelled {@code app: web} (and {@code labels}),
   * one container {@code app} of image nginx, placed on {@code nodeName} by its hostname label and
   * tolerating its taint with {@code toleration}.
   */
  public static Deployment web(
      int replicas, String nodeName, Toleration toleration, Map<String, String> labels) {
    Map<String, String> podLabels = new HashMap<>(labels);
    podLabels.put(APP, "web");
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("web")
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels(APP, "web")
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(podLabels)
        .endMetadata()
        .withNewSpec()
        .withNodeSelector(Map.of("kubernetes.io/hostname", nodeName))
        .withTolerations(toleration)
        .addNewContainer()
        .withName("app")
        .withImage("nginx")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }
}
