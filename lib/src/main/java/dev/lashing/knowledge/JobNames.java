package dev.lashing.knowledge;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Words that mark a one-shot job in a service name ({@code migrator}, {@code db-init}, {@code createbuckets}): a
 * step that runs and exits, which a restart policy must not start again once it completed.
 */
public final class JobNames {
  private static final Pattern WORD = Pattern.compile(
      "(?:^|[-_.])(?:migrate|migrator|migrations?|init|setup|seed|seeder|bootstrap|createbuckets|provision|oneshot)"
          + "(?:[-_.]|$)");

  private JobNames() {}

  /** Whether a service name, in any case, contains a job word between separators. */
  public static boolean marksJob(String name) {
    return WORD.matcher(name.toLowerCase(Locale.ROOT)).find();
  }
}
