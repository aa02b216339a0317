package dev.lashing.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalsTest {
  @Test
  void writesTheShortestDigitsInPlainNotation() {
    assertThat(Decimals.plain(0.005)).isEqualTo("0.005");
    assertThat(Decimals.plain(1e-5)).isEqualTo("0.00001");
    assertThat(Decimals.plain(0.5)).isEqualTo("0.5");
    assertThat(Decimals.plain(2.0)).isEqualTo("2");
    assertThat(Decimals.plain(100.0)).isEqualTo("100");
    assertThat(Decimals.plain(1e21)).isEqualTo("1000000000000000000000");
    assertThat(Decimals.plain(123.456)).isEqualTo("123.456");
    assertThat(Decimals.plain(-0.25)).isEqualTo("-0.25");
    assertThat(Decimals.plain(0.0)).isEqualTo("0");
    assertThat(Decimals.plain(-0.0)).isEqualTo("0");
  }

  @Test
  void keepsWhatDoubleToStringWritesForTheNonNumbers() {
    assertThat(Decimals.plain(Double.NaN)).isEqualTo("NaN");
    assertThat(Decimals.plain(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
  }

  @Test
  void agreesWithBigDecimalOnAnyDouble() {
    SplittableRandom random = new SplittableRandom(36);
    for (int i = 0; i < 100_000; i++) {
      double d = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong()) : random.nextDouble() * Math.pow(10,
          random.nextInt(-12, 24));
      if (!Double.isNaN(d) && !Double.isInfinite(d)) {
        assertThat(Decimals.plain(d)).as("%s", d)
            .isEqualTo(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
      }
    }
  }
}
