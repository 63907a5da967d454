package io.camelvk.api;

import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving TLS from certificate and key files, read again when they change (a renewed
 * certificate, a rotated Secret), without a restart: each new connection gets the context of the
 * files as they are, checked at most once a {@link #CHECK_PERIOD}. Files caught half-written keep
 * the previous context until they read well.
 */
final class ReloadingTls implements Supplier<SslContext> {

  static final Duration CHECK_PERIOD = Duration.ofSeconds(1);
  private static final Logger LOG = LoggerFactory.getLogger(ReloadingTls.class);

  private record Stamp(List<Instant> modified, List<Long> sizes) {}

  private final List<Path> files;
  private final Supplier<SslContext> load;
  private final Clock clock;
  private SslContext current;
  private Stamp loaded;
  private Instant checked;

  ReloadingTls(List<Path> files, Supplier<SslContext> load, Clock clock) {
    this.files = List.copyOf(files);
    this.load = load;
    this.clock = clock;
    this.loaded = stamp();
    this.current = load.get();
    this.checked = clock.instant();
  }

  @Override
  public synchronized SslContext get() {
    Instant now = clock.instant();
    if (Duration.between(checked, now).compareTo(CHECK_PERIOD) < 0) {
      return current;
    }
    checked = now;
    Stamp stamp = stamp();
    if (!stamp.equals(loaded)) {
      try {
        current = load.get();
        loaded = stamp;
        LOG.info("kubelet API: serving certificate {} read again after a change", files.get(0));
      } catch (RuntimeException e) {
        LOG.warn("kubelet API: keeping the serving certificate in use: {}", e.getMessage());
      }
    }
    return current;
  }

  private Stamp stamp() {
    try {
      List<Instant> modified = new java.util.ArrayList<>();
      List<Long> sizes = new java.util.ArrayList<>();
      for (Path file : files) {
        modified.add(Files.getLastModifiedTime(file).toInstant());
        sizes.add(Files.size(file));
      }
      return new Stamp(modified, sizes);
    } catch (IOException e) {
      return loaded == null ? new Stamp(List.of(), List.of()) : loaded;
    }
  }
}
