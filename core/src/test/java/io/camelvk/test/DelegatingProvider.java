package io.camelvk.test;

import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.Provider;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.List;
import java.util.Optional;

/**
 * A provider that hands every lifecycle call to another (the mock, say) and offers none of its
 * capabilities: a test overrides what it changes.
 */
public class DelegatingProvider implements Provider {

  private final Provider delegate;

  public DelegatingProvider(Provider delegate) {
    this.delegate = delegate;
  }

  @Override
  public void createPod(Pod pod) {
    delegate.createPod(pod);
  }

  @Override
  public void updatePod(Pod pod) {
    delegate.updatePod(pod);
  }

  @Override
  public void deletePod(Pod pod) {
    delegate.deletePod(pod);
  }

  @Override
  public Optional<PodStatus> podStatus(String namespace, String name) {
    return delegate.podStatus(namespace, name);
  }

  @Override
  public List<Pod> pods() {
    return delegate.pods();
  }

  @Override
  public NodeProfile nodeProfile(String nodeName) {
    return delegate.nodeProfile(nodeName);
  }
}
