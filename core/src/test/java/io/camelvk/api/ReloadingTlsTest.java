package io.camelvk.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.config.KubeletApiSettings;
import io.camelvk.test.MutableClock;
import io.netty.handler.ssl.SslContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadingTlsTest {

  private static SslContext first;
  private static SslContext second;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  @TempDir Path dir;

  @BeforeAll
  static void contexts() throws Exception {
    first =
        ServerTls.context(
            ServingCertificate.of(KubeletApiSettings.DEFAULT, "a", "127.0.0.1"), List.of());
    second =
        ServerTls.context(
            ServingCertificate.of(KubeletApiSettings.DEFAULT, "b", "127.0.0.1"), List.of());
  }

  @Test
  void changedFilesAreReadAgainAtTheNextCheckAndUnchangedOnesAreNot() throws Exception {
    Path cert = Files.writeString(dir.resolve("tls.crt"), "one");
    Path key = Files.writeString(dir.resolve("tls.key"), "one");
    Deque<SslContext> loads = new ArrayDeque<>(List.of(first, second));
    ReloadingTls tls = new ReloadingTls(List.of(cert, key), loads::pop, clock);

    clock.advance(ReloadingTls.CHECK_PERIOD);
    assertThat(tls.get()).isSameAs(first);

    Files.writeString(cert, "two, longer");
    assertThat(tls.get()).as("checked at most once a period").isSameAs(first);
    clock.advance(ReloadingTls.CHECK_PERIOD);
    assertThat(tls.get()).isSameAs(second);
    assertThat(loads).isEmpty();
  }

  @Test
  void filesThatDoNotReadWellKeepTheContextInUse() throws Exception {
    Path cert = Files.writeString(dir.resolve("tls.crt"), "one");
    Path key = Files.writeString(dir.resolve("tls.key"), "one");
    Supplier<SslContext> load =
        new Supplier<>() {
          private boolean loaded;

          @Override
          public SslContext get() {
            if (loaded) {
              throw new IllegalArgumentException("half-written key");
            }
            loaded = true;
            return first;
          }
        };
    ReloadingTls tls = new ReloadingTls(List.of(cert, key), load, clock);

    Files.setLastModifiedTime(key, FileTime.from(Instant.now().plus(Duration.ofMinutes(1))));
    clock.advance(ReloadingTls.CHECK_PERIOD);

    assertThat(tls.get()).isSameAs(first);
  }
}
