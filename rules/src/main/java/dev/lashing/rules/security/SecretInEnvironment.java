package dev.lashing.rules.security;

import dev.lashing.lint.Category;
import dev.lashing.lint.Level;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.model.KeyValue;
import dev.lashing.model.Service;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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
  /** Last words that name a credential on their own. */
  private static final Set<String> SECRET_WORDS = Set.of("PASSWORD", "PASSWORDS", "PASSWD", "PASS", "PWD",
      "PASSPHRASE", "SECRET", "TOKEN", "APIKEY", "CREDENTIAL", "CREDENTIALS", "PRIVATEKEY", "SECRETKEY",
      "ACCESSKEY");
  /** Words that make a last {@code KEY} a credential: API_KEY, ACCESS_KEY, PRIVATE_KEY... */
  private static final Set<String> KEY_KINDS =
      Set.of("API", "ACCESS", "PRIVATE", "SECRET", "AUTH", "ENCRYPTION", "SIGNING", "MASTER", "LICENSE");
  /** Last words that still name the credential itself: SECRET_KEY_BASE, ADMIN_PASSWORD_HASH. */
  private static final Set<String> QUALIFIERS = Set.of("BASE", "VALUE", "HASH");
  /** Values that switch something on or off rather than hold a secret. */
  private static final Pattern SWITCH =
      Pattern.compile("(?i)true|false|yes|no|on|off|y|n|0|1|enabled?|disabled?|none|null|random");
  private static final Pattern CAMEL_CASE = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

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
    if (!isCredentialName(entry.key())) {
      return;
    }
    String literal = WrittenText.literal(context, entry).trim();
    if (literal.isEmpty() || SWITCH.matcher(literal).matches() || literal.startsWith("/run/secrets/")) {
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
    context.report(entry.origin(), service.name(), message + more);
  }

  /**
   * Whether an entry's name ends in a credential: DB_PASSWORD, githubToken, AWS_SECRET_ACCESS_KEY,
   * SECRET_KEY_BASE. A name that goes on past the credential is about it, not it: DB_PASSWORD_FILE,
   * TOKEN_EXPIRY_MINUTES, API_KEY_RATE_LIMIT.
   */
  private static boolean isCredentialName(String name) {
    List<String> words = Arrays.stream(CAMEL_CASE.matcher(name).replaceAll("_").toUpperCase(Locale.ROOT)
        .split("[^A-Z0-9]+")).filter(w -> !w.isEmpty()).toList();
    if (words.size() > 1 && QUALIFIERS.contains(words.get(words.size() - 1))) {
      words = words.subList(0, words.size() - 1);
    }
    if (words.isEmpty() || name.equalsIgnoreCase("PWD")) {
      return false;
    }
    String last = words.get(words.size() - 1);
    return SECRET_WORDS.contains(last)
        || last.matches("KEYS?") && words.size() > 1 && KEY_KINDS.contains(words.get(words.size() - 2));
  }
}
