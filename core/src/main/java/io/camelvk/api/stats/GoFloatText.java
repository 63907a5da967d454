package io.camelvk.api.stats;

import java.math.BigDecimal;

/**
 * A double as Go's {@code strconv.FormatFloat(v, 'g', -1, 64)} writes it, which the Prometheus text
 * format of the kubelet uses: the shortest digits that read back the same, in exponent form from an
 * exponent of 6 or below -4 ({@code 6.7108864e+07}, {@code 0.25}, {@code 1e-05}).
 */
final class GoFloatText {

  private static final int MAX_PLAIN_EXPONENT = 5;
  private static final int MIN_PLAIN_EXPONENT = -4;

  private GoFloatText() {}

  static String of(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == 0) {
      return "0";
    }
    BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int exponent = digits.length() - shortest.scale() - 1;
    String sign = value < 0 ? "-" : "";
    if (exponent < MIN_PLAIN_EXPONENT || exponent > MAX_PLAIN_EXPONENT) {
      return sign + exponential(digits, exponent);
    }
    return sign + plain(digits, exponent);
  }

  private static String exponential(String digits, int exponent) {
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String magnitude = Integer.toString(Math.abs(exponent));
    return mantissa
        + (exponent < 0 ? "e-" : "e+")
        + (magnitude.length() < 2 ? "0" + magnitude : magnitude);
  }

  private static String plain(String digits, int exponent) {
    int integerDigits = exponent + 1;
    if (integerDigits <= 0) {
      return "0." + "0".repeat(-integerDigits) + digits;
    }
    if (integerDigits >= digits.length()) {
      return digits + "0".repeat(integerDigits - digits.length());
    }
    return digits.substring(0, integerDigits) + "." + digits.substring(integerDigits);
  }
}
