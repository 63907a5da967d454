package io.camelvk.providers.mock.shell;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The expansion of words when a command runs, as sh makes it: variables, command substitution and
 * arithmetic are replaced by their values, then the values that were not quoted are split into
 * fields at blanks (an unquoted empty value is no field at all). There is no pathname expansion.
 */
final class WordExpansion {

  /** Where the values of the expansions come from. */
  interface Values {
    String variable(String name);

    /** The output of a script run in a subshell. */
    String substitution(String script) throws IOException;

    String arithmetic(String expression);
  }

  private final Values values;

  WordExpansion(Values values) {
    this.values = values;
  }

  /** The fields of the words, in order. */
  List<String> fields(List<ShellWord> words) throws IOException {
    List<String> fields = new ArrayList<>();
    for (ShellWord word : words) {
      fields.addAll(fields(word));
    }
    return fields;
  }

  /** The fields of one word. */
  List<String> fields(ShellWord word) throws IOException {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean open = false;
    for (ShellWord.Part part : word.parts()) {
      String value = value(part);
      if (part.quoted() || part instanceof ShellWord.Text) {
        field.append(value);
        open = open || part.quoted() || !value.isEmpty();
        continue;
      }
      for (char c : value.toCharArray()) {
        if (!isBlank(c)) {
          field.append(c);
          open = true;
        } else if (open) {
          fields.add(field.toString());
          field.setLength(0);
          open = false;
        }
      }
    }
    if (open) {
      fields.add(field.toString());
    }
    return fields;
  }

  /** The word as one string, unsplit: the value of an assignment or a redirection's file. */
  String string(ShellWord word) throws IOException {
    StringBuilder out = new StringBuilder();
    for (ShellWord.Part part : word.parts()) {
      out.append(value(part));
    }
    return out.toString();
  }

  private String value(ShellWord.Part part) throws IOException {
    return switch (part) {
      case ShellWord.Text text -> text.text();
      case ShellWord.Variable variable -> values.variable(variable.name());
      case ShellWord.Substitution substitution ->
          values.substitution(substitution.script()).replaceAll("\n+$", "");
      case ShellWord.Arithmetic arithmetic -> values.arithmetic(arithmetic.expression());
    };
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n';
  }
}
