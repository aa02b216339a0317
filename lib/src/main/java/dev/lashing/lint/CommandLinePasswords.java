package dev.lashing.lint;

import dev.lashing.knowledge.PasswordOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The passwords a command line gives literally: as an option's value ({@code --requirepass X},
 * {@code --password=X}), an assignment ({@code PGPASSWORD=X}), MySQL clients' {@code -pX} or Redis clients'
 * {@code -a X}. Read by the secret-in-command rule and by the inventory, which refuses to have them generated.
 * {@code $VAR}, {@code ${VAR}} and {@code $(cat file)} are for the container's shell to fill in, and a password
 * in a URL is another rule's.
 */
public final class CommandLinePasswords {
  /** {@code --name=value}, {@code -name=value} or {@code NAME=value}. */
  private static final Pattern ASSIGNMENT = Pattern.compile("-{0,2}([A-Za-z_][A-Za-z0-9_.-]*)=(.*)");

  /**
   * A password given literally.
   *
   * @param word the index of the word that holds it
   * @param option the option or variable that gives it, as written ({@code --requirepass}, {@code PGPASSWORD})
   * @param value the password
   */
  public record Literal(int word, String option, String value) {}

  private CommandLinePasswords() {}

  /** Those of a command line's words, as its shell sees them, in order. */
  public static List<Literal> in(List<String> words) {
    boolean mysql = false;
    boolean redis = false;
    for (String w : words) {
      mysql |= PasswordOptions.takesDashP(w);
      redis |= PasswordOptions.takesDashA(w);
    }
    List<Literal> found = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String text = words.get(i);
      String next = i + 1 < words.size() ? words.get(i + 1) : null;
      // most words are no assignment: the pattern is tried only on those with an '='
      Matcher assignment = text.indexOf('=') < 0 ? null : ASSIGNMENT.matcher(text);
      if (assignment != null && assignment.matches()) {
        if (isPasswordName(assignment.group(1))) {
          add(found, i, text.substring(0, text.indexOf('=')), assignment.group(2));
        }
      } else if (text.startsWith("-") && isPasswordName(withoutDashes(text)) && next != null
          && !next.startsWith("-")) {
        add(found, i + 1, text, next);
      } else if (mysql && text.startsWith("-p") && text.length() > 2 && !text.startsWith("--")) {
        add(found, i, "-p", text.substring(2));
      } else if (redis && text.equals("-a") && next != null) {
        add(found, i + 1, "-a", next);
      }
    }
    return found;
  }

  private static void add(List<Literal> found, int word, String option, String value) {
    if (!value.startsWith("$") && !value.contains("://") && Credentials.isSecretLiteral(value)) {
      found.add(new Literal(word, option, value));
    }
  }

  /** An option's name: {@code text} without its first one or two dashes. */
  private static String withoutDashes(String text) {
    return text.substring(text.startsWith("--") ? 2 : 1);
  }

  private static boolean isPasswordName(String name) {
    return PasswordOptions.isPasswordName(name) || Credentials.isCredentialName(name);
  }
}
