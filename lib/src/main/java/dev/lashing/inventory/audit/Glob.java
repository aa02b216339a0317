package dev.lashing.inventory.audit;

import java.util.List;

/**
 * Name patterns as an inventory writes them: {@code *} stands for any run of characters (slashes and colons
 * included), {@code ?} for one character, anything else for itself. A pattern without a wildcard is an exact
 * name.
 */
final class Glob {
  private Glob() {}

  /** The first pattern that matches, or null. */
  static String firstMatch(List<String> patterns, String name) {
    for (String pattern : patterns) {
      if (matches(pattern, name)) {
        return pattern;
      }
    }
    return null;
  }

  /** Whether {@code pattern} matches all of {@code name}. */
  static boolean matches(String pattern, String name) {
    int p = 0;
    int n = 0;
    int star = -1;
    int resume = 0;
    while (n < name.length()) {
      if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == name.charAt(n))) {
        p++;
        n++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        resume = n;
      } else if (star >= 0) {
        p = star + 1;
        n = ++resume;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
