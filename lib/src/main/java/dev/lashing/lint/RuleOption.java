package dev.lashing.lint;

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
    NUMBER("a positive number");

    private final String expected;

    Type(String expected) {
      this.expected = expected;
    }

    /** What a value of this type looks like, for messages. */
    public String expected() {
      return expected;
    }
  }
}
