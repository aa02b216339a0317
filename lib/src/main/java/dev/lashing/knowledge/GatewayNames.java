package dev.lashing.knowledge;

import java.util.List;
import java.util.Locale;

/**
 * Words that mark a stack's entry point in a service name or an image path ({@code reverse-proxy},
 * {@code traefik}, {@code bitnami/nginx-ingress}): a patch guesses its gateways by them.
 */
public final class GatewayNames {
  private static final List<String> WORDS = List.of("proxy", "reverse-proxy", "gateway", "ingress", "nginx",
      "openresty", "traefik", "caddy", "haproxy", "envoy", "lb");
  /** What may come before a word; after it, the same but a slash (an image path's folder is not a word). */
  private static final String BEFORE = "-_./";
  private static final String AFTER = "-_.";

  private GatewayNames() {}

  /**
   * Whether a service is taken for a gateway by its name or its image's path (null when it has no valid image): the
   * services a stack is reached through unless someone names them.
   */
  public static boolean marksService(String serviceName, String imagePath) {
    return marksGateway(serviceName) || imagePath != null && marksGateway(imagePath);
  }

  /**
   * Whether a name, in any case, contains a gateway word between separators. Searched by hand, not by a regular
   * expression: a patch asks for every service that publishes a port, 100,000 of them in a large file.
   */
  public static boolean marksGateway(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (int at = 0; at < lower.length(); at++) {
      if (at == 0 || BEFORE.indexOf(lower.charAt(at - 1)) >= 0) {
        for (String word : WORDS) {
          int end = at + word.length();
          if (lower.startsWith(word, at) && (end == lower.length() || AFTER.indexOf(lower.charAt(end)) >= 0)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
