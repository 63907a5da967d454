package io.camelvk.providers.mock.shell;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code $((expression))}: integer arithmetic with {@code + - * / %}, comparisons ({@code < <= > >=
 * == !=}, 1 for true), {@code && || !}, parentheses, numbers and variables ({@code i} or {@code
 * $i}; an unset or empty one is 0).
 */
final class Arithmetic {

  private static final Pattern TOKEN =
      Pattern.compile(
          "\\s*(\\d+|\\$?[A-Za-z_][A-Za-z0-9_]*|\\$\\?|&&|\\|\\||[<>=!]=|[-+*/%()<>!])");

  private static final Pattern OPERAND = Pattern.compile("\\d+|\\$?[A-Za-z_][A-Za-z0-9_]*|\\$\\?");
  private static final List<List<String>> LEVELS =
      List.of(
          List.of("||"),
          List.of("&&"),
          List.of("==", "!="),
          List.of("<", "<=", ">", ">="),
          List.of("+", "-"),
          List.of("*", "/", "%"));

  private final String expression;
  private final UnaryOperator<String> variables;
  private final Matcher tokens;
  private String token;

  private Arithmetic(String expression, UnaryOperator<String> variables) {
    this.expression = expression;
    this.variables = variables;
    this.tokens = TOKEN.matcher(expression);
  }

  /**
   * @throws IllegalArgumentException with the shell's message for an expression it cannot compute
   */
  static long evaluate(String expression, UnaryOperator<String> variables) {
    Arithmetic arithmetic = new Arithmetic(expression, variables);
    arithmetic.advance();
    long value = arithmetic.binary(0);
    if (arithmetic.token != null) {
      throw arithmetic.error();
    }
    return value;
  }

  private long binary(int level) {
    if (level == LEVELS.size()) {
      return unary();
    }
    long left = binary(level + 1);
    while (token != null && LEVELS.get(level).contains(token)) {
      String operator = token;
      advance();
      left = apply(operator, left, binary(level + 1));
    }
    return left;
  }

  private long unary() {
    if ("-".equals(token) || "+".equals(token) || "!".equals(token)) {
      String operator = token;
      advance();
      long value = unary();
      return operator.equals("-") ? -value : operator.equals("!") ? (value == 0 ? 1 : 0) : value;
    }
    if ("(".equals(token)) {
      advance();
      long value = binary(0);
      expect(")");
      return value;
    }
    if (token == null || !OPERAND.matcher(token).matches()) {
      throw error();
    }
    String operand = token;
    advance();
    return Character.isDigit(operand.charAt(0)) ? Long.parseLong(operand) : variable(operand);
  }

  private long variable(String operand) {
    String value =
        variables.apply(operand.startsWith("$") ? operand.substring(1) : operand).strip();
    try {
      return value.isEmpty() ? 0 : Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("sh: arithmetic: '" + value + "' is not a number");
    }
  }

  private long apply(String operator, long left, long right) {
    return switch (operator) {
      case "||" -> left != 0 || right != 0 ? 1 : 0;
      case "&&" -> left != 0 && right != 0 ? 1 : 0;
      case "==" -> left == right ? 1 : 0;
      case "!=" -> left != right ? 1 : 0;
      case "<" -> left < right ? 1 : 0;
      case "<=" -> left <= right ? 1 : 0;
      case ">" -> left > right ? 1 : 0;
      case ">=" -> left >= right ? 1 : 0;
      case "+" -> left + right;
      case "-" -> left - right;
      case "*" -> left * right;
      default -> divide(operator, left, right);
    };
  }

  private long divide(String operator, long left, long right) {
    if (right == 0) {
      throw new IllegalArgumentException("sh: arithmetic: division by zero");
    }
    return operator.equals("/") ? left / right : left % right;
  }

  private void expect(String wanted) {
    if (!wanted.equals(token)) {
      throw error();
    }
    advance();
  }

  private void advance() {
    if (expression.substring(tokens.regionStart()).isBlank()) {
      token = null;
      return;
    }
    if (!tokens.lookingAt()) {
      throw error();
    }
    token = tokens.group(1);
    tokens.region(tokens.end(), expression.length());
  }

  private IllegalArgumentException error() {
    return new IllegalArgumentException("sh: arithmetic syntax error: " + expression.strip());
  }
}
