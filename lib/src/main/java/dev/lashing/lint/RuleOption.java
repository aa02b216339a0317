package dev.lashing.lint;

import dev.lashing.knowledge.EngineMinimums;
import dev.lashing.model.Port;
import dev.lashing.syntax.ByteSize;
import dev.lashing.syntax.IpAddress;
import dev.lashing.syntax.SyntaxException;
import java.util.Optional;
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
    /** A memory limit a fix writes: one the engine accepts. */
    MEMORY("a memory size of at least " + ByteSize.format(EngineMinimums.MEMORY) + ", such as 512m or 2g"),
    NUMBER("a positive number"),
    /** A count a fix writes where the engine reads a 64-bit integer ({@code pids_limit}, {@code max-file}). */
    WHOLE("a positive whole number"),
    /** A count that may be 0 (copies kept), up to a 64-bit integer. */
    COUNT("a whole number of 0 or more"),
    /** A CPU limit a fix writes: one the engine accepts. */
    CPUS("a number of CPUs of at least " + EngineMinimums.CPUS + ", such as 0.5 or 2"),
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
      return mistake(text).isEmpty();
    }

    /**
     * What is wrong with a value written as {@code text} as one of this type, for a message ("expected a positive
     * whole number"); empty when it is one.
     */
    public Optional<String> mistake(String text) {
      boolean fits = switch (this) {
        case TEXT, TEXTS -> true;
        case FLAG -> text.equals("true") || text.equals("false");
        case BYTES -> byteSize(text) > 0;
        case MEMORY -> byteSize(text) >= EngineMinimums.MEMORY;
        case NUMBER -> number(text) > 0;
        case WHOLE -> whole(text) > 0;
        case COUNT -> whole(text) >= 0;
        case CPUS -> number(text) >= EngineMinimums.CPUS && EngineMinimums.nanoCpusFit(number(text));
        case ADDRESS -> IpAddress.isValid(text) && !Port.isUnspecifiedAddress(text);
        case NETWORK -> NETWORK_NAME.matcher(text).matches() && !text.equals("default");
      };
      if (fits) {
        return Optional.empty();
      }
      // a whole number beyond 64 bits (digits, or 1e30 as YAML reads it) already has the shape asked for: the
      // message names the limit instead, and so it does for a number of CPUs too large to give the engine
      boolean tooLarge = (this == WHOLE || this == COUNT) && number(text) >= Long.MAX_VALUE;
      boolean tooManyCpus = this == CPUS && number(text) >= EngineMinimums.CPUS;
      return Optional.of("expected " + expected + (tooLarge ? " up to " + Long.MAX_VALUE : "")
          + (tooManyCpus ? ", and no more than the engine can be given (cpus × 10^9 within 64 bits)" : ""));
    }

    /** The size {@code text} gives, or -1 when it gives none. */
    private static long byteSize(String text) {
      try {
        return ByteSize.parse(text);
      } catch (SyntaxException e) {
        return -1;
      }
    }

    /** The finite number {@code text} gives, or NaN when it gives none. */
    private static double number(String text) {
      try {
        double value = Double.parseDouble(text);
        return Double.isInfinite(value) ? Double.NaN : value;
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }

    /** The 64-bit integer {@code text} gives, or -1 when it gives none. */
    private static long whole(String text) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        return -1;
      }
    }
  }
}
