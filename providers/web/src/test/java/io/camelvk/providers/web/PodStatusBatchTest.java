package io.camelvk.providers.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PodStatusBatchTest {

  private final DefaultCamelContext camel = new DefaultCamelContext();
  private final AtomicReference<String> list = new AtomicReference<>("[]");
  private final AtomicInteger fetches = new AtomicInteger();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T21:00:00Z"));
  private final PodStatusBatch batch = new PodStatusBatch();
  private Exchange exchange;

  @BeforeEach
  void start() throws Exception {
    camel.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:list")
                .process(
                    e -> {
                      fetches.incrementAndGet();
                      e.getMessage().setBody(list.get());
                    });
          }
        });
    camel.start();
    exchange = new DefaultExchange(camel);
    batch.setFetchUri("direct:list");
    batch.setClock(clock);
  }

  @AfterEach
  void stop() {
    camel.stop();
  }

  @Test
  void theListIsFetchedAgainOnlyOnceItIsAPeriodOld() {
    list.set(pods("a", "uid-a", "Running"));

    assertThat(batch.status("ns", "a", "uid-a", exchange).getPhase()).isEqualTo("Running");
    list.set(pods("a", "uid-a", "Succeeded"));
    clock.advance(Duration.ofSeconds(4));
    assertThat(batch.status("ns", "a", "uid-a", exchange).getPhase()).isEqualTo("Running");
    clock.advance(Duration.ofSeconds(1));
    assertThat(batch.status("ns", "a", "uid-a", exchange).getPhase()).isEqualTo("Succeeded");

    assertThat(fetches).hasValue(2);
  }

  @Test
  void aPodNotListedOrListedWithAnotherUidIsAMiss() {
    list.set(pods("a", "uid-a", "Running"));

    assertThat(batch.status("ns", "b", "uid-b", exchange)).isNull();
    assertThat(batch.status("ns", "a", "uid-other", exchange)).isNull();
  }

  @Test
  void aZeroPeriodAsksNothingAndMissesEveryPod() {
    batch.setPeriod("0");

    assertThat(batch.status("ns", "a", "uid-a", exchange)).isNull();
    assertThat(fetches).hasValue(0);
  }

  private static String pods(String name, String uid, String phase) {
    return """
        [{"metadata": {"namespace": "ns", "name": "%s", "uid": "%s"},
          "status": {"phase": "%s"}}]"""
        .formatted(name, uid, phase);
  }
}
