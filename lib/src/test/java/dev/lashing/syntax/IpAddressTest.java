package dev.lashing.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpAddressTest {

  @ParameterizedTest
  @CsvSource({
    "0.0.0.0, true",
    "127.0.0.1, true",
    "255.255.255.255, true",
    "256.1.1.1, false",
    "1.2.3, false",
    "1.2.3.4.5, false",
    "01.2.3.4, false",
    "1..3.4, false",
    "localhost, false",
    "::, true",
    "::1, true",
    "fe80::1, true",
    "2001:db8:0:0:0:0:0:1, true",
    "2001:DB8::ABCD, true",
    "::ffff:192.168.1.1, true",
    "1:2:3:4:5:6:1.2.3.4, true",
    "1:2:3:4:5:1.2.3.4, false",
    "1.2.3.4::, false",
    "::1.2.3.4:5, false",
    "1:2:3:4:5:6:7:8:9, false",
    "1:2:3:4:5:6:7, false",
    "1:2:3:4:5:6:7::8, false",
    "1:2:3:4:5:6:7::, true",
    "1::2::3, false",
    ":::, false",
    ":1, false",
    "1:, false",
    "12345::, false",
    "fe80::1%eth0, false",
    "g::1, false",
  })
  void acceptsWhatGoParseIpAccepts(String text, boolean valid) {
    assertThat(IpAddress.isValid(text)).isEqualTo(valid);
  }
}
