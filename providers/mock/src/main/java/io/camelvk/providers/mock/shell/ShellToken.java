package io.camelvk.providers.mock.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A word or an operator of a shell script, as {@link CommandLine} reads them. */
record ShellToken(String operator, ShellWord word) {

  /** The operator a newline is: it ends a command like {@code ;}. */
  static final String NEWLINE = "\n";

  private static final String OPERATOR_CHARACTERS = "|;&<>";
  private static final Pattern VARIABLE =
      Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)\\}|([A-Za-z_][A-Za-z0-9_]*|\\?)");

  boolean isOperator() {
    return operator != null;
  }

  /** True for this operator, or for this word as written (a reserved word such as {@code do}). */
  boolean is(String text) {
    return isOperator() ? operator.equals(text) : word.is(text);
  }

  /** How the token reads in a syntax error. */
  String text() {
    return isOperator()
        ? (operator.equals(NEWLINE) ? "newline" : operator)
        : word.plainText().orElse("word");
  }

  /**
   * @throws IllegalArgumentException for an unterminated quote or expansion, or a background job
   */
  static List<ShellToken> split(String script) {
    return new Splitter(script).tokens();
  }

  private static final class Splitter {
    private final String line;
    private final List<ShellToken> tokens = new ArrayList<>();
    private final List<ShellWord.Part> parts = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private boolean textQuoted;
    private boolean inWord;
    private int i;

    Splitter(String line) {
      this.line = line;
    }

    List<ShellToken> tokens() {
      for (; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == '\'') {
          singleQuoted();
        } else if (c == '"') {
          doubleQuoted();
        } else if (c == '\\' && i + 1 < line.length()) {
          escaped();
        } else if (c == '$') {
          dollar(false);
        } else if (c == '`') {
          backquoted(false);
        } else if (c == '#' && !inWord) {
          skipComment();
        } else if (c == '>' && isWord("2")) {
          fdRedirect();
        } else if (c == '\n') {
          endWord();
          tokens.add(new ShellToken(NEWLINE, null));
        } else if (Character.isWhitespace(c) || OPERATOR_CHARACTERS.indexOf(c) >= 0) {
          endWord();
          operator(c);
        } else {
          append(c, false);
        }
      }
      endWord();
      return tokens;
    }

    private void singleQuoted() {
      int end = line.indexOf('\'', i + 1);
      if (end < 0) {
        throw new IllegalArgumentException("sh: syntax error: unterminated quoted string");
      }
      quotedText(line.substring(i + 1, end));
      i = end;
    }

    private void doubleQuoted() {
      quotedText("");
      for (i++; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == '"') {
          return;
        }
        if (c == '\\' && i + 1 < line.length() && "\"\\$`\n".indexOf(line.charAt(i + 1)) >= 0) {
          append(line.charAt(++i), true);
        } else if (c == '$') {
          dollar(true);
        } else if (c == '`') {
          backquoted(true);
        } else {
          append(c, true);
        }
      }
      throw new IllegalArgumentException("sh: syntax error: unterminated quoted string");
    }

    /** A backslash quotes the next character; before a newline it joins the lines. */
    private void escaped() {
      char next = line.charAt(++i);
      if (next != '\n') {
        append(next, true);
      }
    }

    /** {@code $NAME}, {@code ${NAME}}, {@code $?}, {@code $(...)} or {@code $((...))} at i. */
    private void dollar(boolean quoted) {
      if (line.startsWith("$((", i)) {
        int close = Parentheses.closing(line, i + 2);
        if (close + 1 < line.length() && line.charAt(close + 1) == ')') {
          part(new ShellWord.Arithmetic(line.substring(i + 3, close), quoted));
          i = close + 1;
          return;
        }
      }
      if (line.startsWith("$(", i)) {
        int close = Parentheses.closing(line, i + 1);
        part(new ShellWord.Substitution(line.substring(i + 2, close), quoted));
        i = close;
        return;
      }
      Matcher name = VARIABLE.matcher(line).region(i + 1, line.length());
      if (!name.lookingAt()) {
        append('$', quoted);
        return;
      }
      part(new ShellWord.Variable(name.group(1) != null ? name.group(1) : name.group(2), quoted));
      i = name.end() - 1;
    }

    private void backquoted(boolean quoted) {
      int end = line.indexOf('`', i + 1);
      if (end < 0) {
        throw new IllegalArgumentException("sh: syntax error: unterminated `");
      }
      part(new ShellWord.Substitution(line.substring(i + 1, end), quoted));
      i = end;
    }

    private void skipComment() {
      while (i + 1 < line.length() && line.charAt(i + 1) != '\n') {
        i++;
      }
    }

    /** {@code 2>}, {@code 2>&1} after a word that is just {@code 2}. */
    private void fdRedirect() {
      text.setLength(0);
      inWord = false;
      boolean toStdout = line.startsWith(">&1", i);
      tokens.add(new ShellToken(toStdout ? "2>&1" : "2>", null));
      i += toStdout ? 2 : 0;
    }

    private boolean isWord(String word) {
      return parts.isEmpty() && !textQuoted && text.toString().equals(word);
    }

    private void append(char c, boolean quoted) {
      if (text.length() > 0 && quoted != textQuoted) {
        flushText();
      }
      textQuoted = quoted;
      text.append(c);
      inWord = true;
    }

    /** Quoted text, kept as a part even when empty, so that {@code ""} is a word. */
    private void quotedText(String quoted) {
      flushText();
      parts.add(new ShellWord.Text(quoted, true));
      inWord = true;
    }

    private void part(ShellWord.Part part) {
      flushText();
      parts.add(part);
      inWord = true;
    }

    private void flushText() {
      if (text.length() > 0) {
        parts.add(new ShellWord.Text(text.toString(), textQuoted));
        text.setLength(0);
      }
      textQuoted = false;
    }

    private void endWord() {
      flushText();
      if (inWord) {
        tokens.add(new ShellToken(null, new ShellWord(parts)));
        parts.clear();
        inWord = false;
      }
    }

    private void operator(char c) {
      if (Character.isWhitespace(c)) {
        return;
      }
      if (c == '>' && line.startsWith(">&2", i)) {
        tokens.add(new ShellToken(">&2", null));
        i += 2;
        return;
      }
      boolean doubled = i + 1 < line.length() && line.charAt(i + 1) == c && c != ';' && c != '<';
      if (c == '&' && !doubled) {
        throw new IllegalArgumentException("sh: background jobs (&) are not supported");
      }
      tokens.add(new ShellToken(doubled ? "" + c + c : String.valueOf(c), null));
      i += doubled ? 1 : 0;
    }
  }
}
