package io.camelvk.test;

import io.camelvk.provider.ContainerLogs;
import io.camelvk.provider.GracefulStop;
import io.camelvk.provider.LogOptions;
import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.Provider;
import io.camelvk.provider.ProviderCapabilities;
import io.camelvk.provider.ProviderCapability;
import io.camelvk.provider.VolumeMounts;
import io.camelvk.provider.runtime.ProviderClient;
import io.camelvk.provider.volume.PodVolumes;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A client that calls a bean provider directly, without its route, for unit tests of what the core
 * does with a provider's answers.
 */
public final class BeanClient implements ProviderClient {

  private final String name;
  private final Provider bean;

  public BeanClient(String name, Provider bean) {
    this.name = name;
    this.bean = bean;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void create(Pod pod, PodVolumes volumes) {
    if (bean instanceof VolumeMounts mounts && volumes != null) {
      mounts.mountVolumes(pod, volumes);
    }
    bean.createPod(pod);
  }

  @Override
  public void update(Pod pod, PodVolumes volumes) {
    if (bean instanceof VolumeMounts mounts && volumes != null) {
      mounts.mountVolumes(pod, volumes);
    }
    bean.updatePod(pod);
  }

  @Override
  public Optional<PodStatus> delete(Pod pod, Duration gracePeriod) {
    if (bean instanceof GracefulStop graceful) {
      return graceful.stopPod(pod, gracePeriod);
    }
    bean.deletePod(pod);
    return Optional.empty();
  }

  @Override
  public Optional<PodStatus> status(Pod pod) {
    return bean.podStatus(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
  }

  @Override
  public List<Pod> pods() {
    return bean.pods();
  }

  @Override
  public NodeProfile node(String nodeName) {
    return bean.nodeProfile(nodeName);
  }

  @Override
  public InputStream logs(String namespace, String pod, String container, LogOptions options) {
    return ((ContainerLogs) bean).logs(namespace, pod, container, options);
  }

  @Override
  public Set<ProviderCapability> capabilities() {
    return ProviderCapabilities.implementedBy(bean);
  }
}
