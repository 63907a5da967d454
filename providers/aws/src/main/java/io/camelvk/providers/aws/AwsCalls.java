package io.camelvk.providers.aws;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Every request the provider's AWS clients send, retries included, counted by service and operation
 * ({@code vk_aws_requests_total{service="ECS",operation="DescribeTasks"}}): in the kubelet's
 * registry when it has one (so {@code /metrics} shows them), and readable here for tests and the
 * benchmark. Counted as sent, at the SDK's boundary, so nothing escapes the count.
 */
public final class AwsCalls implements ExecutionInterceptor, CamelContextAware {

  static final String REQUESTS = "vk_aws_requests";

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private CamelContext camelContext;
  private volatile MeterRegistry meters;

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    Counter.builder(REQUESTS)
        .tag("service", service)
        .tag("operation", operation)
        .register(meters())
        .increment();
    counts.computeIfAbsent(operation, k -> new LongAdder()).increment();
  }

  /** How many requests of this operation ({@code RunTask}, ...) were sent. */
  long count(String operation) {
    LongAdder adder = counts.get(operation);
    return adder == null ? 0 : adder.sum();
  }

  /** The kubelet's registry, found at the first request (none: counted here only). */
  private MeterRegistry meters() {
    if (meters == null) {
      MeterRegistry found =
          camelContext == null
              ? null
              : camelContext.getRegistry().findSingleByType(MeterRegistry.class);
      meters = found == null ? new SimpleMeterRegistry() : found;
    }
    return meters;
  }

  @Override
  public void setCamelContext(CamelContext camelContext) {
    this.camelContext = camelContext;
  }

  @Override
  public CamelContext getCamelContext() {
    return camelContext;
  }
}
