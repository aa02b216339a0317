package dev.lashing.rules.security;

import dev.lashing.lint.Category;
import dev.lashing.lint.Credentials;
import dev.lashing.lint.Level;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.model.KeyValue;
import dev.lashing.model.Service;

/**
 * An {@code environment} variable or {@code build.args} entry named like a credential ({@code *_PASSWORD},
 * {@code *_TOKEN}, {@code *_SECRET}, {@code *_API_KEY}...) whose value the compose file itself supplies: a
 * literal, or the literal default of a {@code ${VAR:-default}}. A bare {@code ${VAR}}, an empty value, a
 * switch ({@code MYSQL_ALLOW_EMPTY_PASSWORD: "yes"}), a path to a secret file ({@code *_FILE},
 * {@code /run/secrets/...}) and values from {@code env_file} are not reported.
 */
@RuleInfo(
    id = "secret-in-environment",
    summary = "A credential is written into the compose file as an environment value or build arg",
    category = Category.SECURITY,
    severity = Severity.HIGH,
    development = Level.LOW)
public final class SecretInEnvironment implements Rule {
  @Override
  public RuleInfo info() {
    return SecretInEnvironmentInfo.INFO;
  }

  @Override
  public void check(RuleContext context) {
    for (Service service : context.project().services().values()) {
      for (KeyValue entry : service.environment().values()) {
        check(context, service, entry, "environment variable", "");
      }
      if (service.build() != null) {
        for (KeyValue entry : service.build().args().values()) {
          check(context, service, entry, "build arg", "; build args also stay in the image's history, so pass"
              + " it as a build secret (build.secrets) instead");
        }
      }
    }
  }

  private static void check(RuleContext context, Service service, KeyValue entry, String kind, String more) {
    // the name first: most variables name no credential, and their literal value would cost an interpolation
    if (!Credentials.isCredentialName(entry.key())) {
      return;
    }
    String literal = WrittenText.literal(context, entry);
    if (!Credentials.isSecretLiteral(literal)) {
      return;
    }
    String subject = "service '" + service.name() + "' ";
    String message = WrittenText.refersToVariable(context, entry.value().origin())
        ? subject + "gives the " + kind + " " + entry.key() + " a literal default in its ${...} reference: the"
            + " default is in the file for everyone to read, and is used whenever the variable is unset; remove"
            + " the default so the variable must be set (${NAME:?NAME is required})"
        : subject + "sets the " + kind + " " + entry.key() + " to a literal value: everyone who can read this"
            + " file or its history in version control has it; use a Compose secret (mounted at /run/secrets/),"
            + " or reference a variable set outside the file (" + entry.key() + ": ${" + entry.key() + "})";
    context.reportSecret(entry.origin(), literal.trim(), service.name(), message + more);
  }
}
