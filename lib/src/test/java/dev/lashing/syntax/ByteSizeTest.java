package dev.lashing.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "512m        | 536870912",
    "1.5g        | 1610612736",
    "1gb         | 1073741824",
    "2GiB        | 2147483648",
    "32          | 32",
    "-1          | -1",
    "0           | 0",
    "+5          | 5",
    "32b         | 32",
    "32B         | 32",
    "32k         | 32768",
    "32K         | 32768",
    "32kb        | 32768",
    "32Kb        | 32768",
    "32Kib       | 32768",
    "32KIB       | 32768",
    "32Mb        | 33554432",
    "32Gb        | 34359738368",
    "32Tb        | 35184372088832",
    "32Pb        | 36028797018963968",
    "32PB        | 36028797018963968",
    "32P         | 36028797018963968",
    "32.3        | 32",
    "'32.3 mb'   | 33869004",
    "0.3MB       | 314572",
    "'32 '       | 32",
    "'1 k'       | 1024",
    "1e3         | 1000",
    ".5k         | 512",
    "5.          | 5",
    "9223372036854775807 | 9223372036854775807",
  })
  void parsesLikeRamInBytes(String text, long bytes) {
    assertThat(ByteSize.parse(text)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "''           | invalid size: ''",
    "hello        | invalid size: 'hello'",
    "-32k         | invalid size: '-32k'",
    "1.5gbs       | invalid suffix: 'gbs'",
    "32bm         | invalid suffix: 'bm'",
    "10x          | invalid suffix: 'x'",
    "32i          | invalid suffix: 'i'",
    "'32 KiloBytes' | invalid suffix: 'KiloBytes'",
    "' 32 '       | strconv.ParseFloat: parsing \" 32\": invalid syntax",
    "'32m b'      | strconv.ParseFloat: parsing \"32m\": invalid syntax",
    "1.2.3        | strconv.ParseFloat: parsing \"1.2.3\": invalid syntax",
    "1e999k       | strconv.ParseFloat: parsing \"1e999\": value out of range",
  })
  void rejectsWhatComposeRejects(String text, String message) {
    assertThatThrownBy(() -> ByteSize.parse(text)).isInstanceOf(SyntaxException.class).hasMessage(message);
  }

  /** Compose turns them into a negative number the engine refuses; a long would hold the largest it can instead. */
  @ParameterizedTest
  @ValueSource(strings = {"8192p", "99999999999999999999", "1e30"})
  void refusesSizesBeyond64Bits(String text) {
    assertThatThrownBy(() -> ByteSize.parse(text)).isInstanceOf(SyntaxException.class)
        .hasMessage("invalid size: '" + text + "': value out of range");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "536870912           | 512m",
    "1610612736          | 1536m",
    "1073741824          | 1g",
    "1024                | 1k",
    "3072                | 3k",
    "1099511627776       | 1t",
    "1125899906842624    | 1p",
    "1152921504606846976 | 1024p",
    "0                   | 0",
    "-1                  | -1",
    "-1024               | -1024",
    "1000                | 1000",
    "1536                | 1536",
  })
  void formatsShortAndExact(long bytes, String text) {
    assertThat(ByteSize.format(bytes)).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, -1, 1023, 1024, 1536, 536870912, 1610612736, 5L << 40, Long.MAX_VALUE})
  void formatReadsBackToTheSameValue(long bytes) {
    assertThat(ByteSize.parse(ByteSize.format(bytes))).isEqualTo(bytes);
  }
}
