package dev.lashing.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortSpecTest {

  /** Each port as {@code hostIp|published|target/protocol}, empty for null, space-separated. */
  private static String render(List<PortSpec.Port> ports) {
    return ports.stream()
        .map(p -> (p.hostIp() == null ? "" : p.hostIp()) + "|"
            + (p.published() == null ? "" : p.published()) + "|" + p.target() + "/" + p.protocol())
        .collect(Collectors.joining(" "));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "3000;                            ||3000/tcp",
    "9090-9091:8080-8081;             |9090|8080/tcp |9091|8081/tcp",
    "8000-9000:80;                    |8000-9000|80/tcp",
    "80-81:8080;                      |80-81|8080/tcp",
    "[::1]:6001:6001;                 ::1|6001|6001/tcp",
    "::1:6000:6000;                   ::1|6000|6000/tcp",
    "0.0.0.0:80:80;                   0.0.0.0|80|80/tcp",
    "1.1.1.1:80:80;                   1.1.1.1|80|80/tcp",
    "6060:6060/udp;                   |6060|6060/udp",
    "80:8080/UDP;                     |80|8080/udp",
    "5000/Sctp;                       ||5000/sctp",
    "8080:80/;                        |8080|80/tcp",
    "192.168.1.100::80;               192.168.1.100||80/tcp",
    "192.168.1.100::6000/udp;         192.168.1.100||6000/udp",
    "::6000;                          ||6000/tcp",
    ":80;                             ||80/tcp",
    "[2001:4860:0:2001::68]::333;     2001:4860:0:2001::68||333/tcp",
    "2001:4860:0:2001::68::333;       2001:4860:0:2001::68||333/tcp",
    "::::80;                          ::||80/tcp",
    "[]:80:80;                        |80|80/tcp",
    "0.0.0.0:1234-1235:3333-3334/tcp; 0.0.0.0|1234|3333/tcp 0.0.0.0|1235|3334/tcp",
    "8-10;                            ||10/tcp ||8/tcp ||9/tcp",
    "98-101:98-101;                   |100|100/tcp |101|101/tcp |98|98/tcp |99|99/tcp",
    "00080:+080;                      |80|80/tcp",
    "65535:1;                         |65535|1/tcp",
    "7000-7000:7000-7000;             |7000|7000/tcp",
  })
  void parsesShortSyntax(String spec, String expected) {
    assertThat(render(PortSpec.parse(spec))).isEqualTo(expected);
  }

  @Test
  void containerRangeWithoutHostPortsGivesOneEphemeralEntryEach() {
    assertThat(PortSpec.parse("3000-3005"))
        .extracting(PortSpec.Port::target)
        .containsExactly(3000, 3001, 3002, 3003, 3004, 3005);
    assertThat(PortSpec.parse("3000-3005")).allMatch(p -> p.published() == null && p.hostIp() == null);
  }

  @Test
  void matchingRangesPairHostAndContainerPorts() {
    List<PortSpec.Port> ports = PortSpec.parse("127.0.0.1:5000-5010:5000-5010");

    assertThat(ports).hasSize(11);
    assertThat(ports).allMatch(p -> p.hostIp().equals("127.0.0.1") && p.published().equals("" + p.target()));
    assertThat(ports).extracting(PortSpec.Port::target)
        .containsExactlyElementsOf(IntStream.rangeClosed(5000, 5010).boxed().toList());
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    ";                     no port specified: <empty>",
    "80:;                  no port specified: 80:<empty>",
    "/udp;                 no port specified: /udp<empty>",
    "80/xyz;               invalid proto: xyz",
    "80/tcp/udp;           invalid proto: tcp/udp",
    "tcp;                  invalid containerPort: tcp",
    "9999999;              invalid containerPort: 9999999",
    "65536;                invalid containerPort: 65536",
    "0;                    invalid containerPort: 0",
    "-1;                   invalid containerPort: -1",
    "81-80;                invalid containerPort: 81-80",
    "80-;                  invalid containerPort: 80-",
    "1-2-3;                invalid containerPort: 1-2-3",
    "1_000;                invalid containerPort: 1_000",
    "abc:80;               invalid hostPort: abc",
    "0:80;                 invalid hostPort: 0",
    "99999999999999999999:80; invalid hostPort: 99999999999999999999",
    "192.168.1.100:-1:-1;  invalid containerPort: -1",
    "80:80-81;             invalid ranges specified for container and host Ports: 80-81 and 80",
    "9090-9092:8080-8081;  invalid ranges specified for container and host Ports: 8080-8081 and 9090-9092",
    "localhost:1234:1234;  invalid IP address: localhost",
    "256.0.0.1:80:80;      invalid IP address: 256.0.0.1",
    "01.2.3.4:80:80;       invalid IP address: 01.2.3.4",
    "[::1:80:80;           invalid IP address: [::1",
    "[::1]x:80:80;         invalid IP address: [::1]x",
    "[fe80::1%eth0]:80:80; invalid IP address: fe80::1%eth0",
    "[1.2.3]:80:80;        invalid IP address: 1.2.3",
  })
  void rejectsWhatComposeRejects(String spec, String message) {
    String input = spec == null ? "" : spec;
    assertThatThrownBy(() -> PortSpec.parse(input)).isInstanceOf(SyntaxException.class).hasMessage(message);
  }
}
