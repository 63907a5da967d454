package io.camelvk.providers.interlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelvk.provider.LogOptions;
import io.camelvk.providers.interlink.InterlinkDialect.Target;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterlinkDialectTest {

  @Test
  void withoutSettingsItCallsAPluginWithOneObjectAndBytes() {
    assertThat(InterlinkDialect.fromProperties(Map.of()))
        .isEqualTo(InterlinkDialect.PLUGIN_DEFAULT);
  }

  @Test
  void eachSettingIsReadWhateverItsCase() {
    InterlinkDialect dialect =
        InterlinkDialect.fromProperties(
            Map.of("target", "API", "create-body", "Array", "log-bytes-field", "LimitBytes"));

    assertThat(dialect).isEqualTo(new InterlinkDialect(Target.API, true, "LimitBytes"));
  }

  @Test
  void aBadValueNamesItsProperty() {
    assertThatThrownBy(() -> InterlinkDialect.fromProperties(Map.of("create-body", "list")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("vk.provider.interlink.create-body is 'list'; expected object or array");
  }

  @Test
  void logOptionsCarryEveryFieldWithTheByteLimitUnderTheConfiguredName() {
    LogOptions options =
        new LogOptions(10, Instant.parse("2026-12-07T21:00:00Z"), 4096L, true, false, true);

    assertThat(LogOpts.of(options, "LimitBytes"))
        .containsEntry("Tail", 10)
        .containsEntry("LimitBytes", 4096L)
        .doesNotContainKey("Bytes")
        .containsEntry("Timestamps", true)
        .containsEntry("Follow", true)
        .containsEntry("Previous", false)
        .containsEntry("SinceSeconds", 0)
        .containsEntry("SinceTime", "2026-12-07T21:00:00Z");
    assertThat(LogOpts.of(LogOptions.ALL, "Bytes"))
        .containsEntry("Tail", 0)
        .containsEntry("Bytes", 0L)
        .containsEntry("SinceTime", LogOpts.GO_ZERO_TIME);
  }
}
