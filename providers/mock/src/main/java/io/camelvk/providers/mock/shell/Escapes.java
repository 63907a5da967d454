package io.camelvk.providers.mock.shell;

/**
 * The backslash escapes of printf's format and {@code %b}, and of {@code echo -e}: {@code \n \t \r
 * \\ \" \' \a \b \f \v \e}, octal {@code \NNN} and {@code \0NNN}; any other stays as written.
 */
final class Escapes {

  private static final String LETTERS = "ntr\\\"'abfve";
  private static final String MEANINGS = "\n\t\r\\\"'\u0007\b\f\u000b\u001b";
  private static final int OCTAL_DIGITS = 3;

  private Escapes() {}

  static String decode(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 >= text.length()) {
        out.append(c);
        continue;
      }
      char next = text.charAt(i + 1);
      int letter = LETTERS.indexOf(next);
      if (letter >= 0) {
        out.append(MEANINGS.charAt(letter));
        i++;
      } else if (isOctal(next)) {
        int start = next == '0' ? i + 2 : i + 1;
        int end = start;
        while (end < text.length() && end < start + OCTAL_DIGITS && isOctal(text.charAt(end))) {
          end++;
        }
        out.append(end == start ? '\0' : (char) Integer.parseInt(text.substring(start, end), 8));
        i = end - 1;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }
}
