package io.camelvk.provider;

import io.fabric8.kubernetes.api.model.Pod;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wraps a provider so that no call of the {@link Provider} interface holds its caller longer than
 * the provider-call timeout: the call runs on its own (virtual) thread, and when the time is up the
 * caller gets a {@link ProviderTimeoutException} and the call is interrupted. Until an abandoned
 * call has really returned, further calls for the same pod fail the same way, so that a provider
 * never sees two calls for one pod at once. The proxy keeps every interface of the provider.
 */
public final class TimeLimitedProvider implements InvocationHandler {

  private final Provider delegate;
  private final Duration timeout;
  private final ExecutorService calls;
  private final Map<String, Call> abandoned = new ConcurrentHashMap<>();

  /** One call on its way; {@code method} names it in messages. */
  private record Call(String method, AtomicBoolean returned) {}

  private TimeLimitedProvider(Provider delegate, Duration timeout, ExecutorService calls) {
    this.delegate = delegate;
    this.timeout = timeout;
    this.calls = calls;
  }

  /**
   * @param calls runs the calls; the caller shuts it down
   */
  public static Provider wrap(Provider provider, Duration timeout, ExecutorService calls) {
    return ProviderProxy.of(provider, new TimeLimitedProvider(provider, timeout, calls));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() != Provider.class || method.getName().equals("name")) {
      return direct(method, args);
    }
    String subject = subject(method, args);
    Call pending = abandoned.get(subject);
    if (pending != null) {
      throw new ProviderTimeoutException(
          subject + ": the " + pending.method() + " that timed out has not returned yet", timeout);
    }
    Call call = new Call(method.getName(), new AtomicBoolean());
    Future<Object> future =
        calls.submit(
            () -> {
              try {
                return method.invoke(delegate, args);
              } finally {
                call.returned().set(true);
                abandoned.remove(subject, call);
              }
            });
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof InvocationTargetException target ? target.getCause() : cause;
    } catch (TimeoutException e) {
      abandon(subject, call, future);
      throw new ProviderTimeoutException(
          "provider "
              + delegate.name()
              + ": "
              + method.getName()
              + " of "
              + subject
              + " did not return within "
              + format(timeout),
          timeout);
    }
  }

  private void abandon(String subject, Call call, Future<Object> future) {
    abandoned.put(subject, call);
    if (call.returned().get()) {
      abandoned.remove(subject, call);
    }
    future.cancel(true);
  }

  private Object direct(Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** The pod a call is about ({@code namespace/name}), else the method: one call at a time each. */
  private static String subject(Method method, Object[] args) {
    if (args != null && args.length == 1 && args[0] instanceof Pod pod) {
      return "pod " + pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }
    if (args != null && args.length == 2 && args[0] instanceof String namespace) {
      return "pod " + namespace + "/" + args[1];
    }
    return method.getName();
  }

  private static String format(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + "s"
        : duration.toMillis() + "ms";
  }
}
