package io.camelvk.provider.runtime;

import io.camelvk.provider.LogOptions;
import io.camelvk.provider.NodeProfile;
import io.camelvk.provider.ProviderCapability;
import io.camelvk.provider.ProviderTimeoutException;
import io.camelvk.provider.volume.PodVolumes;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * No call holds its caller longer than the provider-call timeout: the call runs on its own
 * (virtual) thread, and when the time is up the caller gets a {@link ProviderTimeoutException} and
 * the call is interrupted. Until an abandoned call has really returned, further calls for the same
 * pod fail the same way, so that a provider never sees two calls for one pod at once. Log streams
 * are not timed: they are read for as long as the client follows them.
 */
public final class TimeLimitedClient implements ProviderClient {

  private final ProviderClient delegate;
  private final Duration timeout;
  private final ExecutorService calls;
  private final Map<String, Call> abandoned = new ConcurrentHashMap<>();

  /** One call on its way; {@code operation} names it in messages. */
  private record Call(String operation, AtomicBoolean returned) {}

  /**
   * @param calls runs the calls; the caller shuts it down
   */
  public TimeLimitedClient(ProviderClient delegate, Duration timeout, ExecutorService calls) {
    this.delegate = delegate;
    this.timeout = timeout;
    this.calls = calls;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public void create(Pod pod, PodVolumes volumes) {
    call("create", subject(pod), () -> delegate.create(pod, volumes));
  }

  @Override
  public void update(Pod pod, PodVolumes volumes) {
    call("update", subject(pod), () -> delegate.update(pod, volumes));
  }

  /** A stop may take the grace period on top of the usual time. */
  @Override
  public Optional<PodStatus> delete(Pod pod, Duration gracePeriod) {
    return call(
        "delete", subject(pod), timeout.plus(gracePeriod), () -> delegate.delete(pod, gracePeriod));
  }

  @Override
  public Optional<PodStatus> status(Pod pod) {
    return call("status", subject(pod), () -> delegate.status(pod));
  }

  @Override
  public List<Pod> pods() {
    return call("pods", "pods", delegate::pods);
  }

  @Override
  public NodeProfile node(String nodeName) {
    return call("node", "node", () -> delegate.node(nodeName));
  }

  @Override
  public InputStream logs(String namespace, String pod, String container, LogOptions options) {
    return call(
        "logs",
        "pod " + namespace + "/" + pod,
        () -> delegate.logs(namespace, pod, container, options));
  }

  @Override
  public Set<ProviderCapability> capabilities() {
    return call("capabilities", "capabilities", delegate::capabilities);
  }

  private void call(String operation, String subject, Runnable work) {
    call(
        operation,
        subject,
        () -> {
          work.run();
          return null;
        });
  }

  private <T> T call(String operation, String subject, Callable<T> work) {
    return call(operation, subject, timeout, work);
  }

  private <T> T call(String operation, String subject, Duration limit, Callable<T> work) {
    Call pending = abandoned.get(subject);
    if (pending != null) {
      throw new ProviderTimeoutException(
          subject + ": the " + pending.operation() + " that timed out has not returned yet", limit);
    }
    Call call = new Call(operation, new AtomicBoolean());
    Future<T> future =
        calls.submit(
            () -> {
              try {
                return work.call();
              } finally {
                call.returned().set(true);
                abandoned.remove(subject, call);
              }
            });
    try {
      return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abandon(subject, call, future);
      throw new IllegalStateException(
          "interrupted while waiting for the " + operation + " of " + subject, e);
    } catch (TimeoutException e) {
      abandon(subject, call, future);
      throw new ProviderTimeoutException(
          "provider "
              + delegate.name()
              + ": "
              + operation
              + " of "
              + subject
              + " did not return within "
              + format(limit),
          limit);
    }
  }

  private void abandon(String subject, Call call, Future<?> future) {
    abandoned.put(subject, call);
    if (call.returned().get()) {
      abandoned.remove(subject, call);
    }
    future.cancel(true);
  }

  private static RuntimeException rethrow(Throwable cause) {
    if (cause instanceof RuntimeException unchecked) {
      return unchecked;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(cause.getMessage(), cause);
  }

  /** The pod a call is about: one call at a time each. */
  private static String subject(Pod pod) {
    return "pod " + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
  }

  private static String format(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + "s"
        : duration.toMillis() + "ms";
  }
}
