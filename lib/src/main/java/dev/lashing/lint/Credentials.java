package dev.lashing.lint;

import dev.lashing.syntax.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials written where they do not belong: a variable named like one ({@code DB_PASSWORD},
 * {@code API_KEY}) with a literal value, or a URL with a password in it. One judgement for the
 * secret-in-environment rule and for the inventory generator, so that generated files never trip it.
 */
public final class Credentials {
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
  /** scheme://user:password@ — the user may be empty (redis://:password@host). */
  private static final Pattern URL_PASSWORD =
      Pattern.compile("\\b([A-Za-z][A-Za-z0-9+.-]*://[^\\s:/?#@'\"]*:)([^\\s/?#@'\"]+)@([^\\s/?#'\"]*)");

  private Credentials() {}

  /** Whether setting {@code name} to {@code value} writes a credential into the compose file. */
  public static boolean isLiteralCredential(String name, String value) {
    return isCredentialName(name) && isSecretLiteral(value);
  }

  /**
   * Whether a value given to a credential is the secret itself: not empty, not a switch ({@code true},
   * {@code none}...) and not a path under {@code /run/secrets/}.
   */
  public static boolean isSecretLiteral(String value) {
    String v = value.trim();
    return !v.isEmpty() && !SWITCH.matcher(v).matches() && !v.startsWith("/run/secrets/");
  }

  /**
   * A password written inside a URL: {@code scheme://user:} before it and the host after its {@code @}.
   *
   * @param beforePassword the scheme and user with the colon that ends them
   * @param password the password as written
   * @param host what follows the {@code @} up to the path
   */
  public record UrlPassword(String beforePassword, String password, String host) {}

  /** Whether a value carries a password inside a URL ({@code scheme://user:password@host}). */
  public static boolean hasPasswordInUrl(String value) {
    return passwordInUrl(value).isPresent();
  }

  /**
   * The first password written inside a URL in {@code value}. A tag before a digest is not one:
   * {@code docker-image://alpine:3.20@sha256:...} names an image.
   */
  public static Optional<UrlPassword> passwordInUrl(String value) {
    // Most values hold no URL, and most URLs no user: skip the pattern's scan of them (a long string is common in
    // environments, a URL in healthchecks). Its match has an '@' after a "://".
    int scheme = value.indexOf("://");
    if (scheme < 0 || value.indexOf('@', scheme) < 0) {
      return Optional.empty();
    }
    Matcher m = URL_PASSWORD.matcher(value);
    while (m.find()) {
      if (!ImageReference.isDigest(m.group(3))) {
        return Optional.of(new UrlPassword(m.group(1), m.group(2), m.group(3)));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a variable's name ends in a credential: DB_PASSWORD, githubToken, AWS_SECRET_ACCESS_KEY,
   * SECRET_KEY_BASE. A name that goes on past the credential is about it, not it: DB_PASSWORD_FILE,
   * TOKEN_EXPIRY_MINUTES, API_KEY_RATE_LIMIT.
   */
  public static boolean isCredentialName(String name) {
    if (!mayNameCredential(name.toUpperCase(Locale.ROOT))) {
      return false;
    }
    List<String> words = words(name);
    if (words.size() > 1 && QUALIFIERS.contains(words.get(words.size() - 1))) {
      words = words.subList(0, words.size() - 1);
    }
    if (words.isEmpty() || name.equalsIgnoreCase("PWD")) {
      return false;
    }
    String last = words.get(words.size() - 1);
    return SECRET_WORDS.contains(last)
        || (last.equals("KEY") || last.equals("KEYS")) && words.size() > 1
            && KEY_KINDS.contains(words.get(words.size() - 2));
  }

  /**
   * Whether an upper-case name holds one of {@link #SECRET_WORDS} or KEY: each of its words is a part of the
   * upper-case name, so a name without one names no credential. Most names are of that kind, and this spares
   * them the split into words: every variable of every service is asked about.
   */
  private static boolean mayNameCredential(String upper) {
    for (String word : SECRET_WORDS) {
      if (upper.contains(word)) {
        return true;
      }
    }
    return upper.contains("KEY");
  }

  /**
   * The upper-case words of a name: split where a lower-case letter or digit meets an upper-case letter
   * (githubToken) and at every run of other characters (DB_PASSWORD, api.key). By hand rather than by regular
   * expressions, which cost more than the rest of the rule on a short run.
   */
  private static List<String> words(String name) {
    StringBuilder split = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (i > 0 && isAsciiUpper(c) && (isAsciiLower(name.charAt(i - 1)) || isAsciiDigit(name.charAt(i - 1)))) {
        split.append('_');
      }
      split.append(c);
    }
    String upper = split.toString().toUpperCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= upper.length(); i++) {
      boolean wordChar = i < upper.length() && (isAsciiUpper(upper.charAt(i)) || isAsciiDigit(upper.charAt(i)));
      if (wordChar && start < 0) {
        start = i;
      } else if (!wordChar && start >= 0) {
        words.add(upper.substring(start, i));
        start = -1;
      }
    }
    return words;
  }

  private static boolean isAsciiUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isAsciiLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
