package io.camelvk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandLinesTest {

  @Test
  void aMultiLineParserMessageBecomesOneReadableLine() {
    String yamlError =
        "while parsing a flow node\n in reader, line 2, column 1:\n    \n    ^\n"
            + "expected the node content, but found '<stream end>'\n";

    assertThat(CommandLines.oneLine(yamlError))
        .isEqualTo(
            "while parsing a flow node in reader, line 2, column 1: ^ expected the node content,"
                + " but found '<stream end>'");
  }

  @Test
  void otherControlCharactersOfAHostileValueAreEscaped() {
    assertThat(CommandLines.oneLine("bad name \u001b[2Jx\u0007"))
        .isEqualTo("bad name \\u001b[2Jx\\u0007");
  }
}
