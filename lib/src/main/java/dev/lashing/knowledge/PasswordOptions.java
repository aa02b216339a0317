package dev.lashing.knowledge;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Command-line options of known programs that take a password, where the option's name does not say so:
 * Redis's {@code --requirepass}, libpq's {@code PGPASSWORD=}, MySQL clients' {@code -pX}, Redis clients'
 * {@code -a X}.
 */
public final class PasswordOptions {
  /** Option and variable names that hold a password. */
  private static final Set<String> NAMES = Set.of("requirepass", "masterauth", "pgpassword");
  /** MySQL's and MariaDB's clients, whose {@code -pPASSWORD} is a password, by path or name. */
  private static final Pattern MYSQL_CLIENT = Pattern.compile("(?:.*/)?(?:mysql|mariadb)[a-z-]*");
  /** Redis's clients and its forks', whose {@code -a PASSWORD} is a password. */
  private static final Pattern REDIS_CLIENT = Pattern.compile("(?:.*/)?(?:redis|valkey|keydb)-cli");

  private PasswordOptions() {}

  /** Whether an option ({@code requirepass}, without dashes) or a variable ({@code PGPASSWORD}) is a password. */
  public static boolean isPasswordName(String name) {
    return NAMES.contains(name.toLowerCase(Locale.ROOT));
  }

  /** Whether a command line's word runs a program whose {@code -pX} gives the password X. */
  public static boolean takesDashP(String program) {
    // asked of every word of every command line: the pattern (which backtracks over every '/') only where it can match
    return (program.contains("mysql") || program.contains("mariadb")) && MYSQL_CLIENT.matcher(program).matches();
  }

  /** Whether a command line's word runs a program whose {@code -a X} gives the password X. */
  public static boolean takesDashA(String program) {
    return program.endsWith("-cli") && REDIS_CLIENT.matcher(program).matches();
  }
}
