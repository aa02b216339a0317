package dev.lashing.knowledge;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Words that mark a stack's entry point in a service name or an image path ({@code reverse-proxy},
 * {@code traefik}, {@code bitnami/nginx-ingress}): a patch guesses its gateways by them.
 */
public final class GatewayNames {
  private static final Pattern WORD = Pattern.compile(
      "(?:^|[-_./])(?:proxy|reverse-proxy|gateway|ingress|nginx|openresty|traefik|caddy|haproxy|envoy|lb)(?:[-_.]|$)");

  private GatewayNames() {}

  /** Whether a name, in any case, contains a gateway word between separators. */
  public static boolean marksGateway(String name) {
    return WORD.matcher(name.toLowerCase(Locale.ROOT)).find();
  }
}
