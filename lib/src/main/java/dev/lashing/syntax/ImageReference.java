package dev.lashing.syntax;

import dev.lashing.source.QuotedValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code image} reference normalized as Docker does (distribution/reference {@code ParseNormalizedNamed}):
 * {@code redis} is {@code docker.io/library/redis}. A digest is checked as the engine checks it (go-digest): a
 * sha256, sha384 or sha512 digest of its exact length in lowercase hex, so a parsed reference that has a digest is
 * pinned to content. {@link #problem} says why the engine refuses a text, and where in it.
 *
 * @param domain the registry, {@code docker.io} unless the first component looks like a host; empty in the
 *     rare case where that component contains '.' or ':' yet is not a valid host name
 * @param path the repository path inside the registry, such as {@code library/redis}
 * @param tag the tag, or null; kept for information when a digest is also given, though the digest wins
 * @param digest {@code algo:hex}, or null
 */
public record ImageReference(String domain, String path, String tag, String digest) {
  private static final String DEFAULT_DOMAIN = "docker.io";
  private static final String OFFICIAL_PREFIX = "library/";
  private static final int PATH_MAX = 255;

  // distribution/reference's grammar. Quantifiers are possessive where what follows can never continue the
  // match, which keeps the language the same but stops Java's regex engine recursing on long input.
  private static final String PATH_COMPONENT = "[a-z0-9]++(?:(?:[._]|__|-++)[a-z0-9]++)*+";
  private static final String REMOTE_NAME = PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*+";
  private static final String DOMAIN_COMPONENT = "[a-zA-Z0-9]++(?:-++[a-zA-Z0-9]++)*+";
  private static final String DOMAIN_AND_PORT =
      "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*+|\\[[a-fA-F0-9:]++\\])(?::[0-9]++)?";
  private static final String TAG = "\\w[\\w.-]{0,127}";
  private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
  private static final Pattern REFERENCE =
      Pattern.compile(
          "(?:(" + DOMAIN_AND_PORT + ")/)?(" + REMOTE_NAME + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?");
  private static final int IDENTIFIER_LENGTH = 64;
  /** An image's ID (its content's sha256), which the engine refuses as a name. */
  private static final Pattern IDENTIFIER = Pattern.compile("[a-f0-9]{" + IDENTIFIER_LENGTH + "}");
  private static final Pattern ANY_DIGEST = Pattern.compile(DIGEST);
  /** A digest that pins content: a sha256, sha384 or sha512 digest of the exact length, in lowercase hex. */
  /** The digest algorithms the engine takes, and the hex length of each. */
  private static final Map<String, Integer> DIGEST_LENGTHS = digestLengths();
  public static final String PINNED_DIGEST_SYNTAX = pinnedDigestSyntax();
  private static final Pattern PINNED_DIGEST = Pattern.compile(PINNED_DIGEST_SYNTAX);

  /**
   * Why the engine refuses {@code text} as an image reference, in its words, and the part of the text at fault
   * ({@code start} to {@code end}, the whole text when no one part is).
   */
  public record Problem(String message, int start, int end) {}

  /** The reference {@code text} names; a {@link SyntaxException} with the engine's message when it names none. */
  public static ImageReference parse(String text) {
    Object read = read(text);
    if (read instanceof Problem problem) {
      throw new SyntaxException(problem.message());
    }
    return (ImageReference) read;
  }

  /** Why the engine refuses {@code text} as an image reference, or null when it accepts it. */
  public static Problem problem(String text) {
    return read(text) instanceof Problem problem ? problem : null;
  }

  /** The reference {@code text} names, or the {@link Problem} that stops it naming one. */
  private static Object read(String text) {
    if (text.length() == IDENTIFIER_LENGTH && IDENTIFIER.matcher(text).matches()) {
      return new Problem(
          "invalid repository name (" + text + "), cannot specify 64-byte hexadecimal strings", 0, text.length());
    }
    String[] split = splitDomain(text);
    String remainder = split[1];
    int colon = remainder.indexOf(':');
    String remote = colon < 0 ? remainder : remainder.substring(0, colon);
    if (!remote.toLowerCase(Locale.ROOT).equals(remote)) {
      // the remote as written ends where the remainder's first ':' is: the remainder is the end of the text, but
      // for the library/ added in front of an official image's name
      int start = text.length() - (remainder.length() - (split[2] == null ? 0 : OFFICIAL_PREFIX.length()));
      return new Problem("invalid reference format: repository name (" + QuotedValue.of(remote)
          + ") must be lowercase",
          start, start + remote.length() - (split[2] == null ? 0 : OFFICIAL_PREFIX.length()));
    }
    String full = split[0] + "/" + remainder;
    Matcher reference = REFERENCE.matcher(full);
    if (!reference.matches()) {
      String lower = full.toLowerCase(Locale.ROOT);
      return !lower.equals(full) && REFERENCE.matcher(lower).matches()
          ? new Problem("repository name must be lowercase", 0, text.length())
          : formatProblem(text);
    }
    // The registry is what the grammar reads, which may differ from the guess made while splitting.
    String domain = reference.group(1) == null ? "" : reference.group(1);
    String path = reference.group(2);
    if (path.length() > PATH_MAX) {
      return new Problem("repository name must not be more than " + PATH_MAX + " characters", 0, text.length());
    }
    String digest = reference.group(4);
    String refused = digest == null ? null : digestProblem(digest);
    if (refused != null) {
      return new Problem(refused, text.length() - digest.length(), text.length());
    }
    return new ImageReference(domain, path, reference.group(3), digest);
  }

  /**
   * "invalid reference format", at the first character the grammar never takes (a space, a quote...), or at the
   * ':' or '@' that ends an otherwise valid reference with nothing after it ({@code nginx:}); the whole text when no
   * one character is at fault.
   */
  private static Problem formatProblem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "._-/:@[]".indexOf(c) >= 0)) {
        return new Problem("invalid reference format", i, i + 1);
      }
    }
    int last = text.length() - 1;
    // what precedes is read once, never down a run of ':' (it does not end with one, so it does not come back here)
    boolean dangling = last > 0 && isEnd(text.charAt(last)) && !isEnd(text.charAt(last - 1))
        && read(text.substring(0, last)) instanceof ImageReference;
    return new Problem("invalid reference format", dangling ? last : 0, dangling ? last + 1 : text.length());
  }

  private static boolean isEnd(char c) {
    return c == ':' || c == '@';
  }

  /**
   * Why go-digest refuses a digest the reference grammar accepts, in its words, or null: the engine knows sha256,
   * sha384 and sha512, each of its exact length in lowercase hex.
   */
  private static Map<String, Integer> digestLengths() {
    Map<String, Integer> lengths = new LinkedHashMap<>();
    lengths.put("sha256", 64);
    lengths.put("sha384", 96);
    lengths.put("sha512", 128);
    return Collections.unmodifiableMap(lengths);
  }

  /** {@code sha256:[a-f0-9]{64}|...}: the digests that pin content, lowercase hex of their algorithm's length. */
  private static String pinnedDigestSyntax() {
    StringBuilder syntax = new StringBuilder();
    for (Map.Entry<String, Integer> digest : DIGEST_LENGTHS.entrySet()) {
      syntax.append(syntax.length() == 0 ? "" : "|").append(digest.getKey()).append(":[a-f0-9]{")
          .append(digest.getValue()).append('}');
    }
    return syntax.toString();
  }

  private static String digestProblem(String digest) {
    int colon = digest.indexOf(':');
    String algorithm = digest.substring(0, colon);
    String encoded = digest.substring(colon + 1);
    Integer length = DIGEST_LENGTHS.get(algorithm);
    if (length == null) {
      return "unsupported digest algorithm";
    }
    if (encoded.length() != length) {
      return "invalid checksum digest length";
    }
    return isPinnedDigest(digest) ? null : "invalid checksum digest format";
  }

  /**
   * {domain, remainder, prefixed}: the first component is a registry when it is {@code localhost}, contains '.' or
   * ':', or has uppercase letters (never valid in a repository); Docker Hub names get {@code library/}, and then
   * {@code prefixed} is not null.
   */
  private static String[] splitDomain(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return new String[] {DEFAULT_DOMAIN, OFFICIAL_PREFIX + text, OFFICIAL_PREFIX};
    }
    String first = text.substring(0, slash);
    String rest = text.substring(slash + 1);
    String domain;
    if (first.equals("index.docker.io")) {
      domain = DEFAULT_DOMAIN;
    } else if (first.equals("localhost")
        || first.contains(".")
        || first.contains(":")
        || !first.toLowerCase(Locale.ROOT).equals(first)) {
      domain = first;
    } else {
      domain = DEFAULT_DOMAIN;
      rest = text;
    }
    if (domain.equals(DEFAULT_DOMAIN) && !rest.contains("/")) {
      return new String[] {domain, OFFICIAL_PREFIX + rest, OFFICIAL_PREFIX};
    }
    return new String[] {domain, rest, null};
  }

  /** {@code domain/path}, the name a registry knows the repository by. */
  public String repository() {
    return domain.isEmpty() ? path : domain + "/" + path;
  }

  /** The short name Docker shows: {@code redis}, {@code myorg/app}, {@code ghcr.io/x/y}. */
  public String familiarName() {
    if (!domain.equals(DEFAULT_DOMAIN)) {
      return repository();
    }
    return isOfficial() ? path.substring(OFFICIAL_PREFIX.length()) : path;
  }

  /** Whether it names one of Docker Hub's official images: {@code redis}, {@code docker.io/library/redis}. */
  public boolean isOfficial() {
    return domain.equals(DEFAULT_DOMAIN) && path.startsWith(OFFICIAL_PREFIX)
        && path.indexOf('/', OFFICIAL_PREFIX.length()) < 0;
  }

  /** The tag Docker pulls: the given one, {@code latest} when there is neither tag nor digest, else null. */
  public String effectiveTag() {
    if (tag != null) {
      return tag;
    }
    return digest == null ? "latest" : null;
  }

  /** Whether {@code text} is a digest as an image reference writes one after its '@' ({@code sha256:...}). */
  public static boolean isDigest(String text) {
    return ANY_DIGEST.matcher(text).matches();
  }

  /** Pinned to content: a sha256, sha384 or sha512 digest of the exact length, in lowercase hex. */
  public boolean isDigestPinned() {
    return digest != null && isPinnedDigest(digest);
  }

  /** Whether {@code text} is a digest that pins content ({@link #PINNED_DIGEST_SYNTAX}). */
  public static boolean isPinnedDigest(String text) {
    return PINNED_DIGEST.matcher(text).matches();
  }
}
