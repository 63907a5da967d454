package io.camelvk.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

  /** A clock the test moves. */
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));

  private final ExpiringCache<String, Boolean> cache = new ExpiringCache<>(clock);

  @Test
  void keepsAValueUntilItsTimeToLiveHasPassed() {
    cache.put("allowed", true, NodeAuthorizer.ALLOWED_TTL);
    cache.put("denied", false, NodeAuthorizer.DENIED_TTL);

    clock.advance(Duration.ofSeconds(29));
    assertThat(cache.get("denied")).contains(false);
    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.get("denied")).isEmpty();
    assertThat(cache.get("allowed")).contains(true);
    clock.advance(Duration.ofMinutes(5));
    assertThat(cache.get("allowed")).isEmpty();
  }

  @Test
  void staysBoundedWhenFull() {
    for (int i = 0; i <= ExpiringCache.MAX_ENTRIES; i++) {
      cache.put("k" + i, true, Duration.ofMinutes(1));
    }

    assertThat(cache.get("k" + ExpiringCache.MAX_ENTRIES)).contains(true);
    assertThat(cache.get("k0")).isEmpty();
  }
}
