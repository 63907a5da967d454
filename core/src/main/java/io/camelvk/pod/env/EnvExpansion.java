package io.camelvk.pod.env;

import java.util.function.Function;

/**
 * Kubernetes' {@code $(VAR)} expansion: a reference to a known variable is replaced, an unknown one
 * stays as written, {@code $$} is an escaped {@code $}.
 */
final class EnvExpansion {

  private EnvExpansion() {}

  static String expand(String input, Function<String, String> lookup) {
    StringBuilder out = new StringBuilder(input.length());
    int i = 0;
    while (i < input.length()) {
      char c = input.charAt(i);
      if (c != '$' || i + 1 >= input.length()) {
        out.append(c);
        i++;
        continue;
      }
      char next = input.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
      } else if (next == '(') {
        int close = input.indexOf(')', i + 2);
        if (close < 0) {
          out.append(input, i, input.length());
          break;
        }
        String name = input.substring(i + 2, close);
        String value = lookup.apply(name);
        out.append(value != null ? value : "$(" + name + ")");
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
