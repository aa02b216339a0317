package dev.lashing.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VolumeSpecTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "-", value = {
    // spec | type | source | target | ro | propagation | selinux | nocopy | create host path
    "/path                      | volume | -       | /path      | false | -        | - | false | false",
    "/path/foo                  | volume | -       | /path/foo  | false | -        | - | false | false",
    ".                          | volume | -       | .          | false | -        | - | false | false",
    "/a                         | volume | -       | /a         | false | -        | - | false | false",
    "ab                         | volume | -       | ab         | false | -        | - | false | false",
    "C:\\path                   | volume | -       | C:\\path   | false | -        | - | false | false",
    "Z:\\path\\foo              | volume | -       | Z:\\path\\foo | false | -     | - | false | false",
    "/var/lib/data/             | volume | -       | /var/lib/data | false | -     | - | false | false",
    "./foo:/target              | bind   | ./foo   | /target    | false | -        | - | false | true",
    "~/thing:/target            | bind   | ~/thing | /target    | false | -        | - | false | true",
    "../other:/target           | bind   | ../other | /target   | false | -        | - | false | true",
    "/home/user:/target         | bind   | /home/user | /target | false | -        | - | false | true",
    "./foo:d:\\target           | bind   | ./foo   | d:\\target | false | -        | - | false | true",
    "D:\\path:d:\\target        | bind   | D:\\path | d:\\target | false | -       | - | false | true",
    "c:/:d:/forward/slashes/    | bind   | c:/     | d:/forward/slashes | false | - | - | false | true",
    "/source:/target:slave      | bind   | /source | /target    | false | slave    | - | false | true",
    "/source:/target:ro,z       | bind   | /source | /target    | true  | -        | z | false | true",
    "/source:/target:ro,Z       | bind   | /source | /target    | true  | -        | Z | false | true",
    "C:\\src\\foo:D:\\target:ro,rprivate | bind | C:\\src\\foo | D:\\target | true | rprivate | - | false | true",
    "/foo:/bar:shared,rslave    | bind   | /foo    | /bar       | false | rslave   | - | false | true",
    "/foo:/bar:rw,ro            | bind   | /foo    | /bar       | true  | -        | - | false | true",
    "/foo:/bar:ro,rw            | bind   | /foo    | /bar       | false | -        | - | false | true",
    "./foo:/target:ro           | bind   | ./foo   | /target    | true  | -        | - | false | true",
    "\\\\.\\pipe\\engine:\\\\.\\pipe\\in | bind | \\\\.\\pipe\\engine | \\\\.\\pipe\\in | false | - | - | false | true",
    "name:/target:bogus         | volume | name    | /target    | false | -        | - | false | false",
    "name:/target:nocopy        | volume | name    | /target    | false | -        | - | true  | false",
    "name:/target:nocopy,subpath=etc | volume | name | /target  | false | -        | - | true  | false",
    "name:/target:RO            | volume | name    | /target    | false | -        | - | false | false",
    "name:/target:rshared       | volume | name    | /target    | false | rshared  | - | false | false",
    "name:D:                    | volume | name    | D:         | false | -        | - | false | false",
    "name:D::RW                 | volume | name    | D:         | false | -        | - | false | false",
    "0123456789name:d:          | volume | 0123456789name | d:  | false | -        | - | false | false",
    "c:\\windows:d:\\s p a c e:ro | bind | c:\\windows | d:\\s p a c e | true | -     | - | false | true",
    "data:/var//lib/./x/../y    | volume | data    | /var/lib/y | false | -        | - | false | false",
    "data:/..                   | volume | data    | /          | false | -        | - | false | false",
    "data:rel/../../x/          | volume | data    | ../x       | false | -        | - | false | false",
    "a\u754c:/x                 | volume | a\u754c | /x         | false | -        | - | false | false",
    "${DATA:-./data}:/data      | volume | ${DATA:-./data} | /data | false | -      | - | false | false",
    "./data:${T:-/srv}:ro       | bind   | ./data  | ${T:-/srv} | true  | -        | - | false | true",
    "${TIME:-12:30:45}:/t       | volume | ${TIME:-12:30:45} | /t | false | -       | - | false | false",
    "${A:-${B:-x:y}}:/t         | volume | ${A:-${B:-x:y}} | /t  | false | -        | - | false | false",
    "vol:/data${X               | volume | vol     | ''         | false | -        | - | false | false",
  })
  void parsesShortSyntax(
      String spec,
      String type,
      String source,
      String target,
      boolean readOnly,
      String propagation,
      String selinux,
      boolean nocopy,
      boolean createHostPath) {
    VolumeSpec.Mount expected =
        new VolumeSpec.Mount(type, source, target, readOnly, propagation, selinux, nocopy, createHostPath);
    assertThat(VolumeSpec.parse(spec)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "/foo:/foo:ro:foo     | invalid spec: /foo:/foo:ro:foo: too many colons",
    "/dev/usb-0:1.3:/dev/usb-0:1.3 | invalid spec: /dev/usb-0:1.3:/dev/usb-0:1.3: too many colons",
    ":foo                 | invalid spec: :foo: empty section between colons",
    "/foo::ro             | invalid spec: /foo::ro: empty section between colons",
    "/foo:                | invalid spec: /foo:: empty section between colons",
    "''                   | invalid empty volume spec",
  })
  void rejectsWhatComposeRejects(String spec, String message) {
    assertThatThrownBy(() -> VolumeSpec.parse(spec)).isInstanceOf(SyntaxException.class).hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {":", "a:", "::", ":a", "\u00e9"})
  void specsOfAtMostTwoBytesAreAnonymousTargets(String spec) {
    assertThat(VolumeSpec.parse(spec))
        .isEqualTo(new VolumeSpec.Mount("volume", null, spec, false, null, null, false, false));
  }
}
