package io.camelvk.providers.mock.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.providers.mock.MockFixture;
import io.camelvk.providers.mock.RunningSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** printf, echo -e, seq, head, tail and grep, as coreutils and GNU grep print. */
class TextCommandsTest {

  @RegisterExtension final MockFixture fixture = MockFixture.withBox();

  @BeforeEach
  void aFileOfTwelveLines() {
    sh("seq 12 > /tmp/n");
  }

  @Test
  void printfFormatsAndReusesItsFormatForTheArgumentsLeft() {
    assertThat(sh("printf '%s=%d\\n' a 1 b 2").out()).isEqualTo("a=1\nb=2\n");
    assertThat(sh("printf '[%5s|%-4s|%03d|%x|%.2f|%%|%c]' ab cd 7 255 3.14159 xyz").out())
        .isEqualTo("[   ab|cd  |007|ff|3.14|%|x]");
    assertThat(sh("printf 'tab\\there %b\\n' 'new\\nline'").out())
        .isEqualTo("tab\there new\nline\n");
    RunningSession bad = sh("printf '%d\\n' zero");
    assertThat(bad.awaitExit()).isEqualTo(1);
    assertThat(bad.out()).isEqualTo("0\n");
    assertThat(sh("echo -e 'a\\tb'; echo -n x").out()).isEqualTo("a\tb\nx");
  }

  @Test
  void headAndTailTakeLinesOrBytesFromFilesOrStdin() {
    assertThat(sh("head -n 2 /tmp/n").out()).isEqualTo("1\n2\n");
    assertThat(sh("head -3 < /tmp/n | tail -1").out()).isEqualTo("3\n");
    assertThat(sh("head /tmp/n | wc -l").out()).isEqualTo("10\n");
    assertThat(sh("tail -n 2 /tmp/n").out()).isEqualTo("11\n12\n");
    assertThat(sh("tail -n +11 /tmp/n").out()).isEqualTo("11\n12\n");
    assertThat(sh("echo abcdef | head -c 3").out()).isEqualTo("abc");
    assertThat(sh("echo abcdef | tail -c 3").out()).isEqualTo("ef\n");
    assertThat(sh("head -n 1 /tmp/n /tmp/n").out())
        .isEqualTo("==> /tmp/n <==\n1\n\n==> /tmp/n <==\n1\n");
    RunningSession missing = sh("tail /none");
    assertThat(missing.awaitExit()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("tail: /none: No such file or directory\n");
  }

  @Test
  void grepSelectsMatchingLinesWithGnuPrefixesAndExitCodes() {
    assertThat(sh("grep 1 /tmp/n").out()).isEqualTo("1\n10\n11\n12\n");
    assertThat(sh("grep -c -v 1 /tmp/n").out()).isEqualTo("8\n");
    assertThat(sh("grep -n -x '1[01]' /tmp/n").out()).isEqualTo("10:10\n11:11\n");
    assertThat(sh("grep -E '^(2|3)$' /tmp/n").out()).isEqualTo("2\n3\n");
    assertThat(sh("grep '^\\(2\\|3\\)$' /tmp/n").out()).isEqualTo("2\n3\n");
    assertThat(sh("grep -F '1+' /tmp/n; echo $?").out()).isEqualTo("1\n");
    assertThat(sh("echo Hello | grep -qi hello && echo found").out()).isEqualTo("found\n");
    assertThat(sh("grep 9 /tmp/n /dev/null").out()).isEqualTo("/tmp/n:9\n");
    assertThat(sh("grep x /none; echo $?").out()).isEqualTo("2\n");
  }

  @Test
  void seqCountsUpOrDown() {
    assertThat(sh("seq 3").out()).isEqualTo("1\n2\n3\n");
    assertThat(sh("seq 5 -2 1").out()).isEqualTo("5\n3\n1\n");
    assertThat(sh("seq 2 3 | wc -l").out()).isEqualTo("2\n");
  }

  private RunningSession sh(String script) {
    return fixture.run("sh", "-c", script);
  }
}
