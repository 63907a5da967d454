package io.camelvk.provider.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.test.TestPods;
import io.camelvk.test.YamlRoutes;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Camel's circuit breaker (resilience4j) in a provider route, as docs/providers/README.md suggests:
 * after a few failures of the backend the circuit opens, and the route fails at once instead of
 * calling the backend again.
 */
class CircuitBreakerRouteTest {

  private final CamelContext context = new DefaultCamelContext();
  private final AtomicInteger backendCalls = new AtomicInteger();
  private RouteClient client;

  @BeforeEach
  void start() {
    context
        .getRegistry()
        .bind(
            "flakyBackend",
            (org.apache.camel.Processor)
                exchange -> {
                  backendCalls.incrementAndGet();
                  throw new IllegalStateException("backend down");
                });
    YamlRoutes.fromClasspath(context, "routes/errors.yaml");
    YamlRoutes.fromText(
        context,
        """
        - route:
            from:
              uri: direct:provider-guarded
              steps:
                - circuitBreaker:
                    resilience4jConfiguration:
                      minimumNumberOfCalls: 3
                      slidingWindowSize: 3
                      failureRateThreshold: 50
                      waitDurationInOpenState: 60
                    steps:
                      - process:
                          ref: flakyBackend
                    onFallback:
                      steps:
                        - throwException:
                            exceptionType: java.lang.IllegalStateException
                            message: "backend unavailable: ${exception.message}"
        """);
    context.start();
    client = new RouteClient("guarded", context, context.createProducerTemplate());
  }

  @AfterEach
  void stop() {
    context.stop();
  }

  @Test
  void afterAFewFailuresTheCircuitOpensAndTheBackendIsNotCalledAgain() {
    Pod pod = TestPods.named("ns", "web", "u1").build();
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> client.create(pod))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("backend unavailable");
    }
    assertThat(backendCalls).hasValue(3);

    assertThatThrownBy(() -> client.create(pod)).isInstanceOf(IllegalStateException.class);
    assertThat(backendCalls).as("the open circuit keeps the backend out").hasValue(3);
  }
}
