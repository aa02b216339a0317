package dev.lashing.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.source.Diagnostic;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.ScalarNode;
import org.junit.jupiter.api.Test;

/** A tree that is not fully canonical binds what it can, keeps the rest and says so. */
class ToleranceTest {

  @Test
  void shortFormItemsAreKeptBesideTheBoundOnes() {
    Bound b = Bound.service("""
        ports:
          - "8080:80"
          - target: 443
            published: "443"
        """);
    assertThat(b.s().ports()).singleElement().satisfies(p -> assertThat(p.target().value()).isEqualTo(443));
    assertThat(b.messages()).containsExactly("compose.yaml:4:9: services.s.ports[0] must be a mapping");
    assertThat(b.problems()).allMatch(Diagnostic::isError);
    assertThat(((ScalarNode) b.s().unknown().get("ports[0]")).value()).isEqualTo("8080:80");
  }

  @Test
  void wrongShapesAreReportedWithSchemaLikeMessages() {
    Bound b = Bound.service("""
        image: {name: nginx}
        build: .
        environment:
          - FOO=bar
        command: echo hi
        healthcheck:
          test: curl -f localhost
        cap_add: NET_ADMIN
        """);
    assertThat(b.messages()).containsExactly(
        "compose.yaml:3:12: services.s.image must be a string",
        "compose.yaml:4:12: services.s.build must be a mapping",
        "compose.yaml:6:7: services.s.environment must be a mapping",
        "compose.yaml:7:14: services.s.command must be a list",
        "compose.yaml:9:13: services.s.healthcheck.test must be a list",
        "compose.yaml:10:14: services.s.cap_add must be a list");
    Service s = b.s();
    assertThat(s.image()).isNull();
    assertThat(s.build()).isNull();
    assertThat(s.environment()).isEmpty();
    assertThat(s.command()).isNull();
    assertThat(s.healthcheck().test()).isNull();
    assertThat(s.capAdd()).isEmpty();
    assertThat(s.unknown()).containsOnlyKeys("image", "build", "environment", "command", "healthcheck.test", "cap_add");
    assertThat(s.has("environment")).isTrue();
  }

  @Test
  void aServiceThatIsNotAMappingIsKeptOnTheProject() {
    Bound b = Bound.of("services:\n  web: nginx\n  ok:\n    image: nginx\n");
    assertThat(b.project().services()).containsOnlyKeys("ok");
    assertThat(b.project().unknown()).containsOnlyKeys("services.web");
    assertThat(b.messages()).containsExactly("compose.yaml:2:8: services.web must be a mapping");
  }

  @Test
  void nullDefinitionsAreEmptyDefinitions() {
    Bound b = Bound.of("volumes:\n  data:\nnetworks:\n  back: null\nsecrets:\n  s: ~\n").clean();
    Volume data = b.project().volumes().get("data");
    assertThat(data.key()).isEqualTo("data");
    assertThat(data.driver()).isNull();
    assertThat(data.keyOrigin().at().line()).isEqualTo(2);
    assertThat(b.project().networks()).containsOnlyKeys("back");
    assertThat(b.project().secrets()).containsOnlyKeys("s");
  }

  @Test
  void nullAttributesAreUnset() {
    Bound b = Bound.service("image: null\nprivileged: ~\nports: null\ncommand:\n").clean();
    assertThat(b.s().image()).isNull();
    assertThat(b.s().privileged()).isNull();
    assertThat(b.s().ports()).isEmpty();
    assertThat(b.s().command()).isNull();
    assertThat(b.s().has("command")).isTrue();
  }

  @Test
  void unknownTopLevelKeysAreKept() {
    Bound b = Bound.of("version: \"3.8\"\nservices: {}\nx-anchors:\n  a: 1\n").clean();
    assertThat(b.project().unknown()).containsOnlyKeys("version");
    assertThat(b.project().extensions()).containsOnlyKeys("x-anchors");
    assertThat(b.project().extensions().get("x-anchors")).isInstanceOf(MapNode.class);
  }

  @Test
  void extraHostsWithoutAnAddressAreReported() {
    Bound b = Bound.service("extra_hosts:\n  - good=10.0.0.1\n  - bad\n");
    assertThat(b.s().extraHosts()).extracting(ExtraHost::host).containsExactly("good");
    assertThat(b.messages())
        .containsExactly("compose.yaml:5:9: services.s.extra_hosts[1]: invalid additional host, missing IP: bad");
  }

  @Test
  void extraHostsAcceptTheMappingFormAndSeveralAddresses() {
    Bound b = Bound.service("""
        extra_hosts:
          a: 10.0.0.1
          b: ["[::1]", 10.0.0.2]
        """).clean();
    assertThat(b.s().extraHosts()).extracting(ExtraHost::host, ExtraHost::address).containsExactly(
        org.assertj.core.groups.Tuple.tuple("a", "10.0.0.1"),
        org.assertj.core.groups.Tuple.tuple("b", "::1"),
        org.assertj.core.groups.Tuple.tuple("b", "10.0.0.2"));
    assertThat(Bound.service("extra_hosts: [\"h:10.0.0.1,10.0.0.2\"]\n").clean().s().extraHosts())
        .extracting(ExtraHost::address).containsExactly("10.0.0.1", "10.0.0.2");
  }

  @Test
  void stringListsAcceptASingleString() {
    Bound b = Bound.service("dns: 8.8.8.8\ntmpfs: /run\nbuild:\n  context: .\n  tags: x:1\n").clean();
    assertThat(b.s().dns()).extracting(Located::value).containsExactly("8.8.8.8");
    assertThat(b.s().tmpfs()).extracting(Located::value).containsExactly("/run");
    assertThat(b.s().build().tags()).extracting(Located::value).containsExactly("x:1");
  }

  @Test
  void invalidImagesBindWithoutAReference() {
    Service s = Bound.service("image: Nginx:Latest\n").clean().s();
    assertThat(s.image().text()).isEqualTo("Nginx:Latest");
    assertThat(s.image().isValid()).isFalse();
    assertThat(s.image().isDigestPinned()).isFalse();
  }
}
