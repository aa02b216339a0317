package dev.lashing.rules.correctness;

import dev.lashing.lint.Category;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.model.Port;
import dev.lashing.model.Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two published ports that claim the same host port and protocol on overlapping addresses: the second
 * container fails to start ("port is already allocated"). An unspecified address overlaps every address.
 */
@RuleInfo(
    id = "duplicate-published-port",
    summary = "Two ports publish the same host port on the same address",
    category = Category.CORRECTNESS,
    severity = Severity.HIGH)
public final class DuplicatePublishedPort implements Rule {
  @Override
  public RuleInfo info() {
    return DuplicatePublishedPortInfo.INFO;
  }

  /**
   * A host port as digits without leading zeros (group 1), compared as text, not parsed: a file Compose refuses
   * may hold any number of digits.
   */
  private static final Pattern DECIMAL = Pattern.compile("0*([0-9]+)");

  /** A claimed host port on one address ("" for every address), and who claimed it. */
  private record Claim(String service, String address, String hostPort, String protocol, Port port) {
    boolean overlaps(Claim other) {
      return protocol.equals(other.protocol) && hostPort.equals(other.hostPort)
          && (address.isEmpty() || other.address.isEmpty() || address.equals(other.address));
    }
  }

  @Override
  public void check(RuleContext context) {
    // Only claims of the same protocol and host port can overlap: group them so each port is compared with
    // its rivals alone, in the order they were claimed.
    Map<String, List<Claim>> claimsByPort = new HashMap<>();
    for (Service service : context.project().services().values()) {
      for (Port port : service.publishedPorts()) {
        Claim claim = claim(service, port);
        if (claim == null) {
          continue;
        }
        List<Claim> claims = claimsByPort.computeIfAbsent(claim.hostPort() + "/" + claim.protocol(),
            key -> new ArrayList<>());
        for (Claim earlier : claims) {
          if (earlier.overlaps(claim)) {
            context.report(port.origin(), service.name(), "host port " + port.published().value() + "/"
                + claim.protocol() + " is already published by "
                + (earlier.service().equals(service.name()) ? "this service" : "service '" + earlier.service() + "'")
                + " at line " + earlier.port().origin().at().line() + "; the second binding fails");
            break;
          }
        }
        claims.add(claim);
      }
    }
  }

  /**
   * The claim a port makes, or null when the engine chooses the host port: none given, or a range
   * ({@code "8000-9000:80"} takes any free port of it), or not a number.
   */
  private static Claim claim(Service service, Port port) {
    Matcher decimal = port.published() == null ? null : DECIMAL.matcher(port.published().value());
    if (decimal == null || !decimal.matches()) {
      return null;
    }
    String address = port.isBoundToAllInterfaces() ? "" : port.hostIp().value();
    return new Claim(service.name(), address, decimal.group(1), port.protocolOrDefault(), port);
  }
}
