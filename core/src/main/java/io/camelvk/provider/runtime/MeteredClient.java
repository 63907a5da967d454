package io.camelvk.provider.runtime;

import io.camelvk.metrics.KubeletMetrics;
import io.camelvk.provider.LogOptions;
import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.ProviderCapability;
import io.camelvk.provider.ProviderException;
import io.camelvk.provider.ProviderTimeoutException;
import io.camelvk.provider.volume.PodVolumes;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Times every call and tags it with its outcome ({@code ok}, {@code timeout}, the {@link
 * ProviderException} kind, or {@code error}); the calls about one pod are also counted by UID in
 * the {@link ProviderCallLedger}, so that "created exactly once" is the core's own count.
 */
public final class MeteredClient implements ProviderClient {

  private final ProviderClient delegate;
  private final KubeletMetrics metrics;
  private final ProviderCallLedger ledger;

  public MeteredClient(ProviderClient delegate, KubeletMetrics metrics, ProviderCallLedger ledger) {
    this.delegate = delegate;
    this.metrics = metrics;
    this.ledger = ledger;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public void create(Pod pod, PodVolumes volumes) {
    measure("create", pod, () -> delegate.create(pod, volumes));
  }

  @Override
  public void update(Pod pod, PodVolumes volumes) {
    measure("update", pod, () -> delegate.update(pod, volumes));
  }

  @Override
  public Optional<PodStatus> delete(Pod pod, Duration gracePeriod) {
    return measure("delete", pod, () -> delegate.delete(pod, gracePeriod));
  }

  @Override
  public Optional<PodStatus> status(Pod pod) {
    return measure("status", pod, () -> delegate.status(pod));
  }

  @Override
  public List<Pod> pods() {
    return measure("pods", null, delegate::pods);
  }

  @Override
  public NodeProfile node(String nodeName) {
    return measure("node", null, () -> delegate.node(nodeName));
  }

  @Override
  public InputStream logs(String namespace, String pod, String container, LogOptions options) {
    return measure("logs", null, () -> delegate.logs(namespace, pod, container, options));
  }

  @Override
  public Set<ProviderCapability> capabilities() {
    return measure("capabilities", null, delegate::capabilities);
  }

  private void measure(String operation, Pod pod, Runnable call) {
    measure(
        operation,
        pod,
        () -> {
          call.run();
          return null;
        });
  }

  private <T> T measure(String operation, Pod pod, Supplier<T> call) {
    long start = System.nanoTime();
    String outcome = "ok";
    try {
      return call.get();
    } catch (RuntimeException e) {
      outcome = outcome(e);
      throw e;
    } finally {
      metrics.providerCall(
          delegate.name(), operation, outcome, Duration.ofNanos(System.nanoTime() - start));
      if (pod != null) {
        ledger.record(delegate.name(), operation, pod.getMetadata().getUid(), outcome);
      }
    }
  }

  private static String outcome(RuntimeException e) {
    if (e instanceof ProviderTimeoutException) {
      return "timeout";
    }
    return e instanceof ProviderException p ? p.kind().name().toLowerCase(Locale.ROOT) : "error";
  }
}
