package io.camelvk.providers.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MockTarOptionsTest {

  @Test
  void readsTheFormsKubectlCpUses() {
    assertThat(parse("cf", "-", "/tmp/foo"))
        .isEqualTo(new MockTarOptions('c', "-", null, false, false, List.of("/tmp/foo")));
    assertThat(parse("--no-same-permissions", "--no-same-owner", "-xmf", "-", "-C", "/tmp/bar"))
        .isEqualTo(new MockTarOptions('x', "-", "/tmp/bar", false, false, List.of()));
    assertThat(parse("-xmf", "-", "-C", "."))
        .isEqualTo(new MockTarOptions('x', "-", ".", false, false, List.of()));
  }

  @Test
  void readsOldShortAndLongFormsAsGnuTarDoes() {
    assertThat(parse("xzvfC", "a.tgz", "/d", "member"))
        .isEqualTo(new MockTarOptions('x', "a.tgz", "/d", true, true, List.of("member")));
    assertThat(parse("-C/srv", "-tf-"))
        .isEqualTo(new MockTarOptions('t', "-", "/srv", false, false, List.of()));
    assertThat(parse("--create", "--file=out.tar", "--directory", "/d", "--", "-odd"))
        .isEqualTo(new MockTarOptions('c', "out.tar", "/d", false, false, List.of("-odd")));
  }

  @Test
  void refusesWhatItDoesNotKnowInGnuTarsWords() {
    assertThatThrownBy(() -> parse("-xqf", "-")).hasMessage("invalid option -- 'q'");
    assertThatThrownBy(() -> parse("--frob")).hasMessage("unrecognized option '--frob'");
    assertThatThrownBy(() -> parse("-f")).hasMessage("option requires an argument -- 'f'");
    assertThatThrownBy(() -> parse("-f", "-"))
        .hasMessageContaining("You must specify one of the '-Acdtrux'");
  }

  private static MockTarOptions parse(String... args) {
    return MockTarOptions.parse(List.of(args));
  }
}
