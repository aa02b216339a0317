package dev.lashing.rules.security;

import dev.lashing.lint.Category;
import dev.lashing.lint.Credentials;
import dev.lashing.lint.Level;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.lint.TextWithin;
import dev.lashing.model.Command;
import dev.lashing.model.KeyValue;
import dev.lashing.model.Service;
import dev.lashing.source.Origin;
import dev.lashing.source.SourceRange;
import java.util.HashSet;
import java.util.Set;

/**
 * A password inside a URL ({@code scheme://user:password@host}) that the compose file itself supplies, in an
 * environment value, a label, a build arg, the build context (a Git URL with a token) or an additional context,
 * the command, the entrypoint, the healthcheck test or a lifecycle hook. A password that is only a {@code ${VAR}}
 * reference is not reported; a literal {@code ${VAR:-default}} is.
 */
@RuleInfo(
    id = "secret-in-url",
    summary = "A connection URL in the compose file carries a password",
    category = Category.SECURITY,
    severity = Severity.HIGH,
    development = Level.LOW)
public final class SecretInUrl implements Rule {
  @Override
  public RuleInfo info() {
    return SecretInUrlInfo.INFO;
  }

  @Override
  public void check(RuleContext context) {
    for (Service service : context.project().services().values()) {
      Set<Origin> reported = new HashSet<>();
      for (KeyValue entry : service.environment().values()) {
        report(context, service, entry.origin(), WrittenText.literal(context, entry), "environment variable "
            + entry.key(), reported);
      }
      for (KeyValue entry : service.labels().values()) {
        report(context, service, entry.origin(), WrittenText.literal(context, entry), "label " + entry.key(),
            reported);
      }
      if (service.build() != null) {
        for (KeyValue entry : service.build().args().values()) {
          report(context, service, entry.origin(), WrittenText.literal(context, entry), "build arg "
              + entry.key(), reported);
        }
        if (service.build().context() != null) {
          report(context, service, service.build().context().origin(),
              WrittenText.literal(context, service.build().context().origin()), "build context", reported);
        }
        for (KeyValue entry : service.build().additionalContexts().values()) {
          report(context, service, entry.origin(), WrittenText.literal(context, entry), "build context "
              + entry.key(), reported);
        }
      }
      for (Services.CommandLine line : Services.commandLines(service)) {
        words(context, service, line.command(), line.where(), reported);
      }
    }
  }

  /** A command's scalars: a string command is read, and reported, once. */
  private static void words(RuleContext context, Service service, Command command, String where,
      Set<Origin> reported) {
    for (Origin scalar : command.scalars()) {
      if (!reported.contains(scalar)) {
        report(context, service, scalar, WrittenText.literal(context, scalar), where, reported);
      }
    }
  }

  private static void report(RuleContext context, Service service, Origin origin, String literal, String where,
      Set<Origin> reported) {
    Credentials.passwordInUrl(literal).ifPresent(url -> {
      reported.add(origin);
      TextWithin written = TextWithin.of(context.load(), origin.at());
      SourceRange password = written.firstBetween(":", url.password(), "@");
      if (password == null) {
        // written otherwise than read (a variable's default, $$): all that stands between user and host
        password = written.between(url.beforePassword(), "@" + url.host());
      }
      if (password == null) {
        password = origin.at();
      }
      context.reportSecret(origin, password, service.name(), "service '" + service.name()
          + "' has a password in the URL " + url.beforePassword() + "****@" + url.host() + " (" + where
          + "): everyone who can read this file, or run docker inspect, has it; take it out of the URL and pass it"
          + " as a variable set outside the file (" + url.beforePassword() + "${PASSWORD}@...) or as a Compose"
          + " secret");
    });
  }
}
