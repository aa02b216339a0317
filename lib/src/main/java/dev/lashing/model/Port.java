package dev.lashing.model;

import dev.lashing.source.Origin;
import java.util.regex.Pattern;

/**
 * One published port in long form. {@code published} is a string because it may be a range
 * ({@code "8000-9000"}); when absent the engine picks an ephemeral host port.
 */
public record Port(
    Located<String> name,
    Located<String> mode,
    Located<String> hostIp,
    Located<Long> target,
    Located<String> published,
    Located<String> protocol,
    Located<String> appProtocol,
    Origin origin) {

  /** The unspecified addresses, in any spelling: 0.0.0.0, ::, 0:0::0, ::ffff:0.0.0.0, bracketed or not. */
  private static final Pattern UNSPECIFIED =
      Pattern.compile("\\[?(?:|0\\.0\\.0\\.0|[0:]*:[0:]*|(?:[0:]*:)?(?i:ffff):0\\.0\\.0\\.0)]?");

  /** Reachable on every interface of the host: no {@code host_ip}, or an unspecified address. */
  public boolean isBoundToAllInterfaces() {
    return hostIp == null || isUnspecifiedAddress(hostIp.value());
  }

  /** Whether an address means "every interface": 0.0.0.0, ::, and their other spellings, bracketed or not. */
  public static boolean isUnspecifiedAddress(String address) {
    return UNSPECIFIED.matcher(address).matches();
  }

  /** {@code tcp} unless written otherwise. */
  public String protocolOrDefault() {
    return protocol == null ? "tcp" : protocol.value();
  }
}
