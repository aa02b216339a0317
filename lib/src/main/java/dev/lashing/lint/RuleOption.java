package dev.lashing.lint;

import dev.lashing.model.Port;
import dev.lashing.syntax.ByteSize;
import dev.lashing.syntax.IpAddress;
import dev.lashing.syntax.SyntaxException;
import java.util.regex.Pattern;

/**
 * An option a rule reads from {@code .lashing.yml} ({@code rules: {id: {options: {name: value}}}}): the
 * configuration loader rejects names and values that do not fit, and the configuration's JSON schema lists them
 * for editors.
 *
 * @param description one line for people, no trailing period
 */
public record RuleOption(String name, Type type, String description) {
  /** Every fixable rule's: lets {@code lashing fix} apply its behaviour-changing fixes without --unsafe-fixes. */
  public static final RuleOption UNSAFE_FIX = new RuleOption("unsafe_fix", Type.FLAG,
      "lashing fix applies this rule's behaviour-changing fixes without --unsafe-fixes");

  /** What an option's value is. */
  public enum Type {
    TEXT("a string"),
    TEXTS("a string or a list of strings"),
    FLAG("true or false"),
    BYTES("a byte size such as 512m or 2g"),
    NUMBER("a positive number"),
    /** What a fix writes as {@code host_ip}: an address, and not one that means every interface. */
    ADDRESS("the IP address of one interface, such as 127.0.0.1 or ::1"),
    /** What a fix puts services on: a name Compose accepts as a network's, other than the one it replaces. */
    NETWORK("a network name of letters, digits, '.', '_' and '-', other than default");

    private static final Pattern NETWORK_NAME = Pattern.compile("[a-zA-Z0-9._-]+");

    private final String expected;

    Type(String expected) {
      this.expected = expected;
    }

    /** What a value of this type looks like, for messages. */
    public String expected() {
      return expected;
    }

    /** Whether a value written as {@code text} is one of this type (for a list, each of its items). */
    public boolean accepts(String text) {
      return switch (this) {
        case TEXT, TEXTS -> true;
        case FLAG -> text.equals("true") || text.equals("false");
        case BYTES -> isByteSize(text);
        case NUMBER -> isPositiveNumber(text);
        case ADDRESS -> IpAddress.isValid(text) && !Port.isUnspecifiedAddress(text);
        case NETWORK -> NETWORK_NAME.matcher(text).matches() && !text.equals("default");
      };
    }

    private static boolean isByteSize(String text) {
      try {
        return ByteSize.parse(text) > 0;
      } catch (SyntaxException e) {
        return false;
      }
    }

    private static boolean isPositiveNumber(String text) {
      try {
        return Double.parseDouble(text) > 0;
      } catch (NumberFormatException e) {
        return false;
      }
    }
  }
}
