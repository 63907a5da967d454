package io.camelvk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void oneRunOfEachModeByDefault() {
    BenchOptions options = BenchOptions.parse(new String[0]);

    assertThat(options.repeat()).isEqualTo(1);
    assertThat(options.modes()).containsExactly("floor", "vk");
  }

  @Test
  void repeatTakesTheNumberOfRunsOfEachMode() {
    BenchOptions options =
        BenchOptions.parse(new String[] {"--pods", "500", "--repeat", "3", "--split"});

    assertThat(options.repeat()).isEqualTo(3);
    assertThat(options.pods()).isEqualTo(500);
    assertThat(options.split()).isTrue();
  }

  @Test
  void repeatRefusesZeroAWordAndAMissingValue() {
    for (List<String> args : List.of(List.of("--repeat", "0"), List.of("--repeat", "twice"))) {
      assertThatThrownBy(() -> BenchOptions.parse(args.toArray(String[]::new)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("--repeat needs a positive number");
    }
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--repeat"}))
        .hasMessageContaining("--repeat needs a positive number, not ''");
  }
}
