package io.camelvk.providers.mock.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word of a shell line as written: literal and quoted text, and the expansions ({@code $NAME},
 * {@code $(...)}, {@code $((...))}) that {@link WordExpansion} makes when the command runs. Whether
 * a part was quoted decides whether its value is split into fields.
 */
record ShellWord(List<Part> parts) {

  private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)");

  /** One piece of a word. */
  sealed interface Part permits Text, Variable, Substitution, Arithmetic {
    boolean quoted();
  }

  /** Text as written; quoted text (in quotes or after a backslash) is never split. */
  record Text(String text, boolean quoted) implements Part {}

  /** {@code $NAME}, {@code ${NAME}} or {@code $?}. */
  record Variable(String name, boolean quoted) implements Part {}

  /** {@code $(script)} or {@code `script`}: the script's output, its trailing newlines removed. */
  record Substitution(String script, boolean quoted) implements Part {}

  /** {@code $((expression))}: the value of an integer expression. */
  record Arithmetic(String expression, boolean quoted) implements Part {}

  /** {@code NAME=value} at the start of a command: the name and the word of the value. */
  record Assignment(String name, ShellWord value) {}

  ShellWord {
    parts = List.copyOf(parts);
  }

  /** True when the word is {@code text} as written, unquoted and with no expansion. */
  boolean is(String text) {
    return parts.size() == 1
        && parts.get(0) instanceof Text t
        && !t.quoted()
        && t.text().equals(text);
  }

  /** The word's text when it has no expansion and no quotes, such as a loop's variable name. */
  Optional<String> plainText() {
    return parts.size() == 1 && parts.get(0) instanceof Text t && !t.quoted()
        ? Optional.of(t.text())
        : Optional.empty();
  }

  /** The assignment this word is when it starts with an unquoted {@code NAME=}. */
  Optional<Assignment> assignment() {
    if (parts.isEmpty() || !(parts.get(0) instanceof Text first) || first.quoted()) {
      return Optional.empty();
    }
    Matcher match = ASSIGNMENT.matcher(first.text());
    if (!match.matches()) {
      return Optional.empty();
    }
    List<Part> value = new ArrayList<>();
    value.add(new Text(match.group(2), true));
    value.addAll(parts.subList(1, parts.size()));
    return Optional.of(new Assignment(match.group(1), new ShellWord(value)));
  }
}
