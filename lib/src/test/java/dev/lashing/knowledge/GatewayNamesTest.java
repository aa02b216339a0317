package dev.lashing.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A gateway word is found between separators, in any case, where the words' regular expression finds it. */
class GatewayNamesTest {
  /** The words' definition, as a regular expression: the hand-written search must agree with it everywhere. */
  private static final Pattern DEFINITION = Pattern.compile(
      "(?:^|[-_./])(?:proxy|reverse-proxy|gateway|ingress|nginx|openresty|traefik|caddy|haproxy|envoy|lb)(?:[-_.]|$)");

  @Test
  void findsWordsBetweenSeparators() {
    assertThat(GatewayNames.marksGateway("traefik")).isTrue();
    assertThat(GatewayNames.marksGateway("bitnami/nginx-ingress")).isTrue();
    assertThat(GatewayNames.marksGateway("app_LB")).isTrue();
    assertThat(GatewayNames.marksGateway("edge.envoy.v2")).isTrue();
    assertThat(GatewayNames.marksGateway("nginx/app")).isFalse(); // a folder of an image path is not a word
    assertThat(GatewayNames.marksGateway("nginxinc")).isFalse();
    assertThat(GatewayNames.marksGateway("mylb")).isFalse();
    assertThat(GatewayNames.marksGateway("")).isFalse();
  }

  @Test
  void agreesWithTheDefinitionOnManyNames() {
    String[] parts = {"proxy", "reverse", "-", "_", ".", "/", "nginx", "lb", "x", "Gate", "way", "İ", "ı", "K",
        "caddy", "ha", "envoy", "ingress", "openresty", "traefik", "1"};
    Random random = new Random(20261203);
    int gateways = 0;
    for (int i = 0; i < 50_000; i++) {
      StringBuilder name = new StringBuilder();
      for (int n = random.nextInt(6); n >= 0; n--) {
        name.append(parts[random.nextInt(parts.length)]);
      }
      boolean expected = DEFINITION.matcher(name.toString().toLowerCase(Locale.ROOT)).find();
      assertThat(GatewayNames.marksGateway(name.toString())).as(name.toString()).isEqualTo(expected);
      gateways += expected ? 1 : 0;
    }
    assertThat(gateways).isBetween(5_000, 45_000); // both answers are well tried
  }
}
