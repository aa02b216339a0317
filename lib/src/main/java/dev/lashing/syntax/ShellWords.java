package dev.lashing.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How compose-go splits a string {@code command} or {@code entrypoint}: mattn/go-shellwords 1.0.12 with its
 * defaults, so no shell runs and nothing is expanded. Its quirks are kept on purpose: a backslash escapes
 * any character, even inside double quotes; {@code `} and {@code $(...)} only group words; and an unquoted
 * {@code ; & | < >} silently ends the command, dropping the rest of the line.
 */
public final class ShellWords {
  /** Characters a POSIX shell reads as they are, so a word of them alone needs no quotes. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  private ShellWords() {}

  /** A word for a command line that a POSIX shell reads back as it is: unchanged when plain, else single-quoted. */
  public static String quoted(String word) {
    return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }

  public static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    boolean escaped = false;
    boolean singleQuoted = false;
    boolean doubleQuoted = false;
    boolean backQuoted = false;
    boolean dollarQuoted = false;
    loop:
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (escaped) {
        escaped = false;
        word.append(c);
        inWord = true;
        continue;
      }
      if (c == '\\') {
        if (singleQuoted) {
          word.append(c);
        } else {
          escaped = true;
        }
        continue;
      }
      boolean quoted = singleQuoted || doubleQuoted || backQuoted || dollarQuoted;
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        if (quoted) {
          word.append(c);
        } else if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        continue;
      }
      switch (c) {
        case '`' -> {
          if (!singleQuoted && !doubleQuoted && !dollarQuoted) {
            backQuoted = !backQuoted;
          }
        }
        case ')' -> {
          if (!singleQuoted && !doubleQuoted && !backQuoted) {
            dollarQuoted = !dollarQuoted;
          }
        }
        case '(' -> {
          if (!singleQuoted && !doubleQuoted && !backQuoted) {
            if (dollarQuoted || word.length() == 0 || word.charAt(word.length() - 1) != '$') {
              throw invalid();
            }
            dollarQuoted = true;
          }
        }
        case '"' -> {
          if (!singleQuoted && !dollarQuoted) {
            // A closed pair makes a word even when empty: "" is an empty argument.
            inWord |= doubleQuoted;
            doubleQuoted = !doubleQuoted;
            continue;
          }
        }
        case '\'' -> {
          if (!doubleQuoted && !dollarQuoted) {
            inWord |= singleQuoted;
            singleQuoted = !singleQuoted;
            continue;
          }
        }
        case ';', '&', '|', '<', '>' -> {
          if (!quoted) {
            // A word starting with a digit before '>' is a file descriptor ("2>"), not an argument.
            if (c == '>' && word.length() > 0 && word.charAt(0) >= '0' && word.charAt(0) <= '9') {
              inWord = false;
            }
            break loop;
          }
        }
        default -> {}
      }
      word.append(c);
      inWord = true;
    }
    if (inWord) {
      words.add(word.toString());
    }
    if (escaped || singleQuoted || doubleQuoted || backQuoted || dollarQuoted) {
      throw invalid();
    }
    return List.copyOf(words);
  }

  private static SyntaxException invalid() {
    return new SyntaxException("invalid command line string");
  }
}
