package dev.lashing.syntax;

/**
 * IP address literals as Go's {@code net.ParseIP} accepts them (netip rules): dotted IPv4 without leading
 * zeros, IPv6 with at most one {@code ::} and an optional trailing IPv4, no zone. Never resolves names.
 */
public final class IpAddress {
  private IpAddress() {}

  public static boolean isValid(String text) {
    return text.indexOf(':') >= 0 ? isIpv6(text) : isIpv4(text);
  }

  private static boolean isIpv4(String text) {
    String[] fields = text.split("\\.", -1);
    if (fields.length != 4) {
      return false;
    }
    for (String field : fields) {
      if (field.isEmpty() || field.length() > 3 || !isDigits(field, 10)) {
        return false;
      }
      if (field.length() > 1 && field.charAt(0) == '0' || Integer.parseInt(field) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpv6(String text) {
    int ellipsis = text.indexOf("::");
    if (ellipsis >= 0 && text.indexOf("::", ellipsis + 1) >= 0) {
      return false;
    }
    String head = ellipsis < 0 ? text : text.substring(0, ellipsis);
    String tail = ellipsis < 0 ? "" : text.substring(ellipsis + 2);
    int headGroups = countGroups(head, ellipsis < 0);
    int tailGroups = countGroups(tail, true);
    if (headGroups < 0 || tailGroups < 0) {
      return false;
    }
    int groups = headGroups + tailGroups;
    // Without "::" the address needs all eight groups; with it, "::" must stand for at least one.
    return ellipsis < 0 ? groups == 8 : groups <= 7;
  }

  /** The 16-bit groups in a ':'-separated run (an IPv4 tail counts two), or -1 when malformed. */
  private static int countGroups(String run, boolean ipv4TailAllowed) {
    if (run.isEmpty()) {
      return 0;
    }
    String[] fields = run.split(":", -1);
    int groups = 0;
    for (int i = 0; i < fields.length; i++) {
      String field = fields[i];
      if (ipv4TailAllowed && i == fields.length - 1 && field.contains(".")) {
        if (!isIpv4(field)) {
          return -1;
        }
        groups += 2;
      } else if (field.isEmpty() || field.length() > 4 || !isDigits(field, 16)) {
        return -1;
      } else {
        groups++;
      }
    }
    return groups;
  }

  private static boolean isDigits(String text, int radix) {
    for (int i = 0; i < text.length(); i++) { // counted, not a stream: asked for every address of every port
      char c = text.charAt(i);
      if (c >= 128 || Character.digit(c, radix) < 0) {
        return false;
      }
    }
    return true;
  }
}
