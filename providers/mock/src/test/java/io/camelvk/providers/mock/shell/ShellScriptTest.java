package io.camelvk.providers.mock.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelvk.providers.mock.MockFixture;
import io.camelvk.providers.mock.RunningSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The scripts {@code sh -c} runs: loops, conditions, substitutions and arithmetic. */
class ShellScriptTest {

  @RegisterExtension final MockFixture fixture = MockFixture.withBox();

  @Test
  void forLoopsRunTheirBodyForEachWordAndNewlinesSeparateCommands() {
    assertThat(sh("for i in 1 2 3; do echo n$i; done").out()).isEqualTo("n1\nn2\nn3\n");
    assertThat(sh("for w in $(echo a b)\ndo\n  echo \"<$w>\"\ndone\necho end").out())
        .isEqualTo("<a>\n<b>\nend\n");
    assertThat(sh("for i in; do echo never; done; echo $?").out()).isEqualTo("0\n");
  }

  @Test
  void whileAndUntilLoopsCountWithArithmeticAndTest() {
    assertThat(sh("i=0; while [ $i -lt 3 ]; do echo $i; i=$((i + 1)); done").out())
        .isEqualTo("0\n1\n2\n");
    assertThat(sh("n=3; until [ \"$n\" -eq 0 ]; do n=$(($n-1)); printf %s $n; done").out())
        .isEqualTo("210");
    assertThat(sh("echo $((7 / 2)) $((7 % 2)) $((-(2 + 3) * 4)) $((3 > 2 && 1 == 1))").out())
        .isEqualTo("3 1 -20 1\n");
  }

  @Test
  void breakAndContinueLeaveTheLoopTheyAreAskedTo() {
    assertThat(
            sh("for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done")
                .out())
        .isEqualTo("1\n3\n");
    assertThat(
            sh("for a in x y; do for b in 1 2; do [ $b = 2 ] && continue 2; echo $a$b; done; done")
                .out())
        .isEqualTo("x1\ny1\n");
    assertThat(sh("while true; do while true; do break 2; done; echo never; done; echo out").out())
        .isEqualTo("out\n");
  }

  @Test
  void ifTakesTheFirstBranchWhoseConditionHolds() {
    assertThat(sh("if false; then echo a; elif test -d /tmp; then echo b; else echo c; fi").out())
        .isEqualTo("b\n");
    assertThat(sh("if [ -z \"\" ] && [ abc != abd ]; then echo yes; fi").out()).isEqualTo("yes\n");
    assertThat(sh("if ! false; then echo negated; fi").out()).isEqualTo("negated\n");
  }

  @Test
  void commandSubstitutionIsTheOutputWithoutTrailingNewlines() {
    assertThat(sh("x=$(echo hi; echo there); echo \"[$x]\"").out()).isEqualTo("[hi\nthere]\n");
    assertThat(sh("echo `echo back` \"$(echo \"$(echo nested)\")\"").out())
        .isEqualTo("back nested\n");
    assertThat(sh("x=$(false); echo $?").out()).isEqualTo("1\n");
    assertThat(sh("echo $(printf 'a  b')").out()).as("unquoted: split").isEqualTo("a b\n");
  }

  @Test
  void readTakesLinesFromAPipeAndRedirectionsJoinTheOutputs() {
    assertThat(sh("printf 'a 1\\nb 2\\n' | while read k v; do echo $v$k; done").out())
        .isEqualTo("1a\n2b\n");
    assertThat(sh("cat /none 2>&1 | grep -c 'No such'").out()).isEqualTo("1\n");
    RunningSession toErr = sh("echo oops >&2");
    assertThat(toErr.out()).isEmpty();
    assertThat(toErr.err()).isEqualTo("oops\n");
  }

  @Test
  void execReplacesTheShellAndScriptFilesRunWhole() {
    assertThat(sh("exec echo replaced; echo never").out()).isEqualTo("replaced\n");
    sh("printf 'for i in 1 2\\ndo\\n  echo line $i\\ndone\\nexit 5\\n' > /tmp/s.sh");
    RunningSession file = fixture.run("/tmp/s.sh");
    assertThat(file.awaitExit()).isEqualTo(5);
    assertThat(file.out()).isEqualTo("line 1\nline 2\n");
    assertThat(fixture.run("/bin/echo", "absolute").out()).isEqualTo("absolute\n");
    assertThat(fixture.run("/usr/bin/env", "X=1", "sh", "-c", "echo $X").out()).isEqualTo("1\n");
  }

  @Test
  void exportedVariablesReachChildShellsAndTheEnvironment() {
    assertThat(sh("export A=1; B=2; sh -c 'echo \"$A$B\"'; env | grep -c '^A=1$'").out())
        .isEqualTo("1\n1\n");
    assertThat(sh("export A=1; unset A; printenv A; echo $?").out()).isEqualTo("1\n");
  }

  @Test
  void syntaxErrorsAreUsageErrors() {
    for (String bad :
        new String[] {"for i in 1; do echo", "if true; fi", "done", "echo $((1 +))"}) {
      RunningSession session = sh(bad);
      assertThat(session.awaitExit()).as(bad).isEqualTo(Shell.USAGE);
      assertThat(session.err()).as(bad).startsWith("sh: ");
    }
  }

  private RunningSession sh(String script) {
    return fixture.run("sh", "-c", script);
  }
}
