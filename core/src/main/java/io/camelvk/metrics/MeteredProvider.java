package io.camelvk.metrics;

import io.camelvk.provider.Provider;
import io.camelvk.provider.ProviderException;
import io.camelvk.provider.ProviderProxy;
import io.camelvk.provider.ProviderTimeoutException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;

/**
 * Wraps a provider so that every call is timed, tagged with its outcome (ok, timeout, or the
 * ProviderException kind, or error). The proxy has every interface the provider has, so its
 * capabilities (logs, exec, stats, notifications) stay visible.
 */
public final class MeteredProvider implements InvocationHandler {

  private final Provider delegate;
  private final KubeletMetrics metrics;

  private MeteredProvider(Provider delegate, KubeletMetrics metrics) {
    this.delegate = delegate;
    this.metrics = metrics;
  }

  public static Provider wrap(Provider provider, KubeletMetrics metrics) {
    return ProviderProxy.of(provider, new MeteredProvider(provider, metrics));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return method.invoke(delegate, args);
    }
    long start = System.nanoTime();
    String outcome = "ok";
    try {
      return method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      outcome =
          cause instanceof ProviderTimeoutException
              ? "timeout"
              : cause instanceof ProviderException p
                  ? p.kind().name().toLowerCase(java.util.Locale.ROOT)
                  : "error";
      throw cause;
    } finally {
      metrics.providerCall(
          delegate.name(), method.getName(), outcome, Duration.ofNanos(System.nanoTime() - start));
    }
  }
}
