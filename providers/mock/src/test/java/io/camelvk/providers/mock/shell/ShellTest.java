package io.camelvk.providers.mock.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.provider.TerminalSize;
import io.camelvk.providers.mock.MockFixture;
import io.camelvk.providers.mock.MockProvider;
import io.camelvk.providers.mock.RunningSession;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ShellTest {

  @RegisterExtension final MockFixture fixture = MockFixture.withBox();
  private final MockProvider provider = fixture.provider();

  @Test
  void catCopiesStdinAsItArrivesNotAfterItEnds() {
    try (RunningSession cat = RunningSession.exec(provider, "box", false, "cat")) {
      cat.type("first line\n");
      assertThat(cat.awaitOut("first line\n")).isEqualTo("first line\n");
      assertThat(cat.running()).isTrue();
      cat.type("second");
      cat.awaitOut("second");
      cat.endInput();
      assertThat(cat.awaitExit()).isZero();
      assertThat(cat.out()).isEqualTo("first line\nsecond");
    }
  }

  @Test
  void teeStreamsToStdoutAndKeepsTheFile() {
    try (RunningSession tee = RunningSession.exec(provider, "box", false, "tee", "/tmp/log")) {
      tee.type("one\n");
      tee.awaitOut("one\n");
      tee.type("two\n");
      tee.endInput();
      assertThat(tee.awaitExit()).isZero();
    }
    assertThat(run("cat", "/tmp/log").out()).isEqualTo("one\ntwo\n");
  }

  @Test
  void aShellWithoutTtyRunsEachLineWithoutPromptOrEchoUntilExit() {
    try (RunningSession sh = RunningSession.exec(provider, "box", false, "sh")) {
      sh.type("echo hello\n");
      assertThat(sh.awaitOut("hello\n")).isEqualTo("hello\n");
      sh.type("mkdir -p /srv/app && cd /srv/app && echo data > f && pwd\n");
      sh.awaitOut("/srv/app\n");
      sh.type("cat f; nope\n");
      sh.awaitOut("data\n");
      sh.type("exit 7\n");
      assertThat(sh.awaitExit()).isEqualTo(7);
      assertThat(sh.out()).isEqualTo("hello\n/srv/app\ndata\n");
      assertThat(sh.err()).isEqualTo("nope: command not found\n");
    }
  }

  @Test
  void aShellEndsWithTheLastStatusWhenStdinEnds() {
    try (RunningSession sh = RunningSession.exec(provider, "box", false, "sh", "-i")) {
      sh.type("false\n");
      sh.endInput();
      assertThat(sh.awaitExit()).isEqualTo(1);
    }
  }

  @Test
  void aShellOnATtyPromptsEchoesWhatIsTypedAndEndsLinesWithCrLf() {
    try (RunningSession sh = RunningSession.exec(provider, "box", true, "sh")) {
      sh.awaitOut("# ");
      sh.type("echo hi\r");
      assertThat(sh.awaitOut("hi\r\n# ")).isEqualTo("# echo hi\r\nhi\r\n# ");
      sh.type("echo oops\u007f\u007f\u007f\u007fyes\r");
      sh.awaitOut("yes\r\n# ");
      assertThat(sh.out()).endsWith("echo oops\b \b\b \b\b \b\b \byes\r\nyes\r\n# ");
      sh.type("exit 3\r");
      assertThat(sh.awaitExit()).isEqualTo(3);
    }
  }

  @Test
  void sttySizeIsTheLatestSizeTheClientSent() {
    try (RunningSession sh = RunningSession.exec(provider, "box", true, "bash")) {
      sh.resizes().publish(new TerminalSize(80, 24));
      sh.type("stty size\r");
      sh.awaitOut("24 80\r\n");
      sh.resizes().publish(new TerminalSize(132, 43));
      sh.type("stty size\r");
      sh.awaitOut("43 132\r\n");
      sh.type("exit\r");
      assertThat(sh.awaitExit()).isZero();
    }
    RunningSession withoutTty = run("stty", "size");
    assertThat(withoutTty.awaitExit()).isEqualTo(1);
    assertThat(withoutTty.err())
        .isEqualTo("stty: 'standard input': Inappropriate ioctl for device\n");
  }

  @Test
  void ctrlDEndsCatOnATtyAndTheShellGoesOn() {
    try (RunningSession sh = RunningSession.exec(provider, "box", true, "sh")) {
      sh.type("cat\r");
      sh.awaitOut("cat\r\n");
      sh.type("typed\r");
      sh.awaitOut("typed\r\ntyped\r\n");
      sh.type("\u0004");
      sh.awaitOut("typed\r\ntyped\r\n# ");
      sh.endInput();
      assertThat(sh.awaitExit()).isZero();
    }
  }

  @Test
  void ctrlCOnATtyInterruptsSleepAndBringsANewPrompt() {
    try (RunningSession sh = RunningSession.exec(provider, "box", true, "sh")) {
      sh.awaitOut("# ");
      sh.type("sleep 60\r");
      sh.awaitOut("sleep 60\r\n");
      sh.type("\u0003");
      sh.awaitOut("^C\r\n# ");
      sh.type("echo $?\r");
      sh.awaitOut("130\r\n# ");
      sh.type("half typed\u0003");
      sh.awaitOut("half typed^C\r\n# ");
      sh.type("exit\r");
      assertThat(sh.awaitExit()).isEqualTo(Builtins.INTERRUPTED);
      assertThat(sh.out())
          .isEqualTo("# sleep 60\r\n^C\r\n# echo $?\r\n130\r\n# half typed^C\r\n# exit\r\n");
    }
  }

  @Test
  void sleepEndsWhenTheClientGoesAway() {
    try (RunningSession sleep = RunningSession.exec(provider, "box", false, "sleep", "60")) {
      assertThat(sleep.running()).isTrue();
      long start = System.nanoTime();
      sleep.disconnect();
      assertThat(sleep.awaitExit()).isEqualTo(Builtins.INTERRUPTED);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
    assertThat(run("sleep", "0.01").awaitExit()).isZero();
    assertThat(run("sleep", "soon").awaitExit()).isEqualTo(1);
  }

  @Test
  void scriptsHaveQuotesPipesListsAndRedirections() {
    assertThat(run("sh", "-c", "echo 'a  b' \"c\\\"d\" | cat").out()).isEqualTo("a  b c\"d\n");
    assertThat(run("sh", "-c", "false && echo no || echo yes; echo end").out())
        .isEqualTo("yes\nend\n");
    assertThat(run("sh", "-c", "echo x > /tmp/r; echo y >> /tmp/r; cat < /tmp/r").out())
        .isEqualTo("x\ny\n");
    assertThat(run("sh", "-c", "cat /none 2> /tmp/e; cat /tmp/e").out())
        .isEqualTo("cat: /none: No such file or directory\n");
    assertThat(run("sh", "-c", "echo 'it'\\''s' # comment").out()).isEqualTo("it's\n");
    RunningSession unterminated = run("sh", "-c", "echo 'oops");
    assertThat(unterminated.awaitExit()).isEqualTo(Shell.USAGE);
    assertThat(unterminated.err()).contains("unterminated quoted string");
    assertThat(run("sh", "-c", "exit 4; echo never").awaitExit()).isEqualTo(4);
    assertThat(
            run("sh", "-c", "false; echo $? \"${HOSTNAME}\" '$HOME' $NONE; cd /tmp; echo $PWD")
                .out())
        .as("an unquoted empty value is no word at all")
        .isEqualTo("1 box $HOME\n/tmp\n");
    assertThat(run("sh", "-c", "echo x > /no/dir/f").awaitExit()).isEqualTo(1);
  }

  @Test
  void fabric8UploadsAFileAndADirectoryWithItsOwnCommands() {
    RunningSession file =
        RunningSession.exec(
            provider, "box", false, "sh", "-c", "mkdir -p '/up' && cat - > '/up/f' && echo $?");
    file.type("payload\n");
    file.endInput();
    assertThat(file.awaitExit()).isZero();
    assertThat(file.out()).isEqualTo("0\n");
    assertThat(run("sh", "-c", "wc -c < '/up/f'").out()).isEqualTo("8\n");
    assertThat(run("wc", "/up/f").out()).isEqualTo("1 1 8 /up/f\n");

    run("sh", "-c", "cd /up && tar -cf /up/a.tar f");
    RunningSession directory =
        run("sh", "-c", "mkdir -p /dir; tar -C /dir -xmf /up/a.tar; e=$?; rm /up/a.tar; exit $e");
    assertThat(directory.awaitExit()).isZero();
    assertThat(run("cat", "/dir/f").out()).isEqualTo("payload\n");
    assertThat(run("test", "-e", "/up/a.tar").awaitExit()).isEqualTo(1);
    assertThat(run("sh", "-c", "false; e=$?; exit $e").awaitExit()).isEqualTo(1);
  }

  @Test
  void filesCanBeListedMadeTestedAndRemoved() {
    assertThat(run("mkdir", "-p", "/data/a/b").awaitExit()).isZero();
    assertThat(run("sh", "-c", "echo 1 > /data/one; echo 2 > /data/a/two").awaitExit()).isZero();
    assertThat(run("ls", "/data").out()).isEqualTo("a\none\n");
    assertThat(run("ls").out()).contains("data\n", "tmp\n");
    assertThat(run("test", "-d", "/data/a").awaitExit()).isZero();
    assertThat(run("test", "-d", "/data/one").awaitExit()).isEqualTo(1);
    assertThat(run("test", "-f", "/data/one").awaitExit()).isZero();
    assertThat(run("mkdir", "/x/y").awaitExit()).isEqualTo(1);
    assertThat(run("rm", "/data/a").err()).contains("Is a directory");
    assertThat(run("rm", "-rf", "/data/a").awaitExit()).isZero();
    assertThat(run("ls", "/data").out()).isEqualTo("one\n");
    assertThat(run("ls", "/data/a").awaitExit()).isEqualTo(2);
    assertThat(run("sh", "-c", "echo 0123456789 | tail -c+4").out()).isEqualTo("3456789\n");
  }

  /** Runs a command with empty stdin and waits for its end. */
  private RunningSession run(String... command) {
    return fixture.run(command);
  }
}
