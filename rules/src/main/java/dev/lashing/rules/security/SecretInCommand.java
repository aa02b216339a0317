package dev.lashing.rules.security;

import dev.lashing.interpolation.Template;
import dev.lashing.lint.Category;
import dev.lashing.lint.CommandLinePasswords;
import dev.lashing.lint.Level;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.lint.TextWithin;
import dev.lashing.model.Command;
import dev.lashing.model.Service;
import dev.lashing.source.Origin;
import dev.lashing.source.SourceRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A password the compose file writes on a command line: {@code command}, {@code entrypoint}, the healthcheck
 * test or a lifecycle hook, as an option's value ({@code --requirepass X}, {@code --password=X}), an
 * assignment ({@code PGPASSWORD=X psql}), {@code mysql -pX} or {@code redis-cli -a X}. A value that is a
 * variable reference ({@code $${REDIS_PASSWORD}} for the container's shell, {@code ${VAR}} for Compose) is no
 * literal; passwords inside URLs are secret-in-url's.
 */
@RuleInfo(
    id = "secret-in-command",
    summary = "A password is written on a command line in the compose file",
    category = Category.SECURITY,
    severity = Severity.HIGH,
    development = Level.LOW)
public final class SecretInCommand implements Rule {
  @Override
  public RuleInfo info() {
    return SecretInCommandInfo.INFO;
  }

  @Override
  public void check(RuleContext context) {
    // An anchored healthcheck or command is one scalar that many services merge: its words are worked out once.
    Map<SourceRange, List<Word>> wordsOfScalars = new HashMap<>();
    for (Service service : context.project().services().values()) {
      for (Services.CommandLine line : Services.commandLines(service)) {
        check(context, service, line.command(), line.where(), wordsOfScalars);
      }
    }
  }

  private static void check(RuleContext context, Service service, Command command, String where,
      Map<SourceRange, List<Word>> wordsOfScalars) {
    List<Word> words = words(context, command, wordsOfScalars);
    for (CommandLinePasswords.Literal password : CommandLinePasswords.in(words.stream().map(Word::text).toList())) {
      report(context, service, words.get(password.word()), password.option(), password.value(), where);
    }
  }

  private static void report(RuleContext context, Service service, Word word, String option, String value,
      String where) {
    int wordEnd = word.start() + word.written().length();
    SourceRange secret = word.scalar().lastOf(value, word.start(), wordEnd);
    if (secret == null) { // not as is in what the word writes ($$, shell quotes within): the whole word
      secret = word.scalar().range(word.start(), wordEnd);
    }
    String subject = "service '" + service.name() + "' ";
    context.reportSecret(Origin.of(secret, word.origin().via()), secret, service.name(),
        Template.references(word.written()).isEmpty()
        ? subject + "passes a password on its " + where + " (" + option + "): everyone who can read this file, or"
            + " run docker inspect or ps on the host, has it; have the container's shell read it from a variable"
            + " set outside the file ($${PASSWORD}, with PASSWORD: ${PASSWORD} in its environment) or from a"
            + " Compose secret"
        : subject + "gives the password on its " + where + " (" + option + ") a literal default in its ${...}"
            + " reference: the default is in the file for everyone to read, and is used whenever the variable is"
            + " unset; remove the default so the variable must be set (${NAME:?NAME is required})");
  }

  /**
   * The command's words as its shell would see them: each scalar's value as written (a string command is one
   * scalar) split at white space, then interpolated with no variable set and stripped of shell quotes, so that a
   * {@code ${VAR}} leaves an empty word rather than none. A scalar's words are worked out once per check, and its
   * text is read once, when a secret in it is first placed.
   */
  private static List<Word> words(RuleContext context, Command command,
      Map<SourceRange, List<Word>> wordsOfScalars) {
    List<Word> words = new ArrayList<>();
    for (Origin scalar : command.scalars()) {
      for (Word word : wordsOfScalars.computeIfAbsent(scalar.at(), at -> wordsOf(context, scalar))) {
        words.add(word.origin() == scalar ? word
            : new Word(word.text(), word.written(), word.start(), word.scalar(), scalar));
      }
    }
    return words;
  }

  /**
   * The words of one scalar: its value, trimmed, split at each run of white space (space, tab, line breaks,
   * vertical tab, form feed), as {@code trim().split("\\s+")} splits it but without a regular expression: every
   * word of every command line goes through it. An empty value is one empty word.
   */
  private static List<Word> wordsOf(RuleContext context, Origin scalar) {
    String raw = WrittenText.raw(context, scalar);
    if (raw == null) {
      return List.of();
    }
    TextWithin within = TextWithin.of(context.load(), scalar.at());
    List<Word> words = new ArrayList<>();
    int first = 0;
    int end = raw.length();
    while (first < end && raw.charAt(first) <= ' ') { // as String.trim
      first++;
    }
    while (end > first && raw.charAt(end - 1) <= ' ') {
      end--;
    }
    int start = first;
    for (int i = first; i <= end; i++) {
      if (i == end || isWhiteSpace(raw.charAt(i))) {
        if (i > start || i == first) {
          String written = raw.substring(start, i);
          words.add(new Word(WrittenText.unset(written).replace("\"", "").replace("'", ""), written, start, within,
              scalar));
        }
        start = i + 1;
      }
    }
    return words;
  }

  private static boolean isWhiteSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /**
   * A word of a command line as the shell sees it and as the file writes it, where it starts in the value of its
   * scalar, that scalar's text, and its origin.
   */
  private record Word(String text, String written, int start, TextWithin scalar, Origin origin) {}
}
