package dev.lashing.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "10s                    | 10000000000",
    "1m30s                  | 90000000000",
    "1h5m30s20ms            | 3930020000000",
    "1.5h                   | 5400000000000",
    "1.1h                   | 3960000000000",
    "0                      | 0",
    "-0                     | 0",
    "+5s                    | 5000000000",
    "-1.5s                  | -1500000000",
    "1ns                    | 1",
    "1us                    | 1000",
    "1\u00b5s               | 1000",
    "1\u03bcs               | 1000",
    "1ms                    | 1000000",
    "2d                     | 172800000000000",
    "1w                     | 604800000000000",
    "1w2d3s96ns             | 777603000000096",
    "4.000000001s           | 4000000001",
    "1h0m4.000000001s       | 3604000000001",
    "1h1m0.123456789s       | 3660123456789",
    "1.00002ms              | 1000020",
    ".5s                    | 500000000",
    "5.s                    | 5000000000",
    "10s1us693ns            | 10000001693",
    "0.0000000001s          | 0",
    "9223372036854775807ns  | 9223372036854775807",
    "-9223372036854775808ns | -9223372036854775808",
  })
  void parsesSignedUnitSequences(String text, long nanos) {
    assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofNanos(nanos));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "''                    | time: invalid duration \"\"",
    "-                     | time: invalid duration \"-\"",
    ".s                    | time: invalid duration \".s\"",
    "s                     | time: invalid duration \"s\"",
    "10                    | time: missing unit in duration \"10\"",
    "1.5                   | time: missing unit in duration \"1.5\"",
    "10s5                  | time: missing unit in duration \"10s5\"",
    "1H                    | time: unknown unit \"H\" in duration \"1H\"",
    "1x                    | time: unknown unit \"x\" in duration \"1x\"",
    "1h-5m                 | time: unknown unit \"h-\" in duration \"1h-5m\"",
    "'1 s'                 | time: unknown unit \" s\" in duration \"1 s\"",
    "9223372036854775808ns | time: invalid duration \"9223372036854775808ns\"",
    "3000000h              | time: invalid duration \"3000000h\"",
    "99999999999999999999s | time: invalid duration \"99999999999999999999s\"",
  })
  void rejectsWhatComposeRejects(String text, String message) {
    assertThatThrownBy(() -> GoDuration.parse(text)).isInstanceOf(SyntaxException.class).hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "90000000000            | 1m30s",
    "3600000000000          | 1h0m0s",
    "500000000              | 500ms",
    "1500000000             | 1.5s",
    "0                      | 0s",
    "2000                   | 2\u00b5s",
    "1500                   | 1.5\u00b5s",
    "1100000                | 1.1ms",
    "1                      | 1ns",
    "-60000000000           | -1m0s",
    "172800000000000        | 48h0m0s",
    "3661000000001          | 1h1m1.000000001s",
    "61000000000            | 1m1s",
    "1000000000             | 1s",
    "9223372036854775807    | 2562047h47m16.854775807s",
    "-9223372036854775808   | -2562047h47m16.854775808s",
  })
  void formatsLikeGo(long nanos, String text) {
    assertThat(GoDuration.format(Duration.ofNanos(nanos))).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      longs = {0, 1, 999, 1001, 1_000_001, 1_001_001_001, 61_000_000_000L, 3_723_000_000_000L, -5_500_000})
  void formatReadsBackToTheSameDuration(long nanos) {
    Duration duration = Duration.ofNanos(nanos);
    assertThat(GoDuration.parse(GoDuration.format(duration))).isEqualTo(duration);
  }
}
