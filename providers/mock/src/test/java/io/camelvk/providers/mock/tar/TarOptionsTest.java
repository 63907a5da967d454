package io.camelvk.providers.mock.tar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TarOptionsTest {

  @Test
  void readsTheFormsKubectlCpUses() {
    assertThat(parse("cf", "-", "/tmp/foo"))
        .isEqualTo(new TarOptions('c', "-", null, false, false, List.of("/tmp/foo")));
    assertThat(parse("--no-same-permissions", "--no-same-owner", "-xmf", "-", "-C", "/tmp/bar"))
        .isEqualTo(new TarOptions('x', "-", "/tmp/bar", false, false, List.of()));
    assertThat(parse("-xmf", "-", "-C", "."))
        .isEqualTo(new TarOptions('x', "-", ".", false, false, List.of()));
  }

  @Test
  void readsOldShortAndLongFormsAsGnuTarDoes() {
    assertThat(parse("xzvfC", "a.tgz", "/d", "member"))
        .isEqualTo(new TarOptions('x', "a.tgz", "/d", true, true, List.of("member")));
    assertThat(parse("-C/srv", "-tf-"))
        .isEqualTo(new TarOptions('t', "-", "/srv", false, false, List.of()));
    assertThat(parse("--create", "--file=out.tar", "--directory", "/d", "--", "-odd"))
        .isEqualTo(new TarOptions('c', "out.tar", "/d", false, false, List.of("-odd")));
  }

  @Test
  void refusesWhatItDoesNotKnowInGnuTarsWords() {
    assertThatThrownBy(() -> parse("-xqf", "-")).hasMessage("invalid option -- 'q'");
    assertThatThrownBy(() -> parse("--frob")).hasMessage("unrecognized option '--frob'");
    assertThatThrownBy(() -> parse("-f")).hasMessage("option requires an argument -- 'f'");
    assertThatThrownBy(() -> parse("-f", "-"))
        .hasMessageContaining("You must specify one of the '-Acdtrux'");
  }

  private static TarOptions parse(String... args) {
    return TarOptions.parse(List.of(args));
  }
}
