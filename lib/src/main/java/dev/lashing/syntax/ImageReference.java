package dev.lashing.syntax;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code image} reference normalized as Docker does (distribution/reference {@code ParseNormalizedNamed}):
 * {@code redis} is {@code docker.io/library/redis}. Digests are checked against the grammar only
 * ({@code algo:hex} with 32 or more hex digits); {@link #isDigestPinned} is the strict check.
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
  private static final Pattern IDENTIFIER = Pattern.compile("[a-f0-9]{64}");
  private static final Pattern ANY_DIGEST = Pattern.compile(DIGEST);
  /** A digest that pins content: a sha256, sha384 or sha512 digest of the exact length, in lowercase hex. */
  public static final String PINNED_DIGEST_SYNTAX = "sha256:[a-f0-9]{64}|sha384:[a-f0-9]{96}|sha512:[a-f0-9]{128}";
  private static final Pattern PINNED_DIGEST = Pattern.compile(PINNED_DIGEST_SYNTAX);

  public static ImageReference parse(String text) {
    if (IDENTIFIER.matcher(text).matches()) {
      throw new SyntaxException(
          "invalid repository name (" + text + "), cannot specify 64-byte hexadecimal strings");
    }
    String[] split = splitDomain(text);
    String remainder = split[1];
    int colon = remainder.indexOf(':');
    String remote = colon < 0 ? remainder : remainder.substring(0, colon);
    if (!remote.toLowerCase(Locale.ROOT).equals(remote)) {
      throw new SyntaxException(
          "invalid reference format: repository name (" + remote + ") must be lowercase");
    }
    String full = split[0] + "/" + remainder;
    Matcher reference = REFERENCE.matcher(full);
    if (!reference.matches()) {
      String lower = full.toLowerCase(Locale.ROOT);
      throw new SyntaxException(
          !lower.equals(full) && REFERENCE.matcher(lower).matches()
              ? "repository name must be lowercase"
              : "invalid reference format");
    }
    // The registry is what the grammar reads, which may differ from the guess made while splitting.
    String domain = reference.group(1) == null ? "" : reference.group(1);
    String path = reference.group(2);
    if (path.length() > PATH_MAX) {
      throw new SyntaxException("repository name must not be more than " + PATH_MAX + " characters");
    }
    return new ImageReference(domain, path, reference.group(3), reference.group(4));
  }

  /**
   * {domain, remainder}: the first component is a registry when it is {@code localhost}, contains '.' or ':',
   * or has uppercase letters (never valid in a repository); Docker Hub names get {@code library/}.
   */
  private static String[] splitDomain(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return new String[] {DEFAULT_DOMAIN, OFFICIAL_PREFIX + text};
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
      rest = OFFICIAL_PREFIX + rest;
    }
    return new String[] {domain, rest};
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
    String official = path.startsWith(OFFICIAL_PREFIX) ? path.substring(OFFICIAL_PREFIX.length()) : null;
    return official != null && !official.contains("/") ? official : path;
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
