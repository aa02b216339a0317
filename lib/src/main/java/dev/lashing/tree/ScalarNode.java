package dev.lashing.tree;

import dev.lashing.source.Origin;
import java.util.Optional;

/**
 * A scalar with its resolved YAML type. {@link #value()} is the text after YAML unescaping (for a null, the
 * written text, possibly empty); {@link #type()} is how Compose's YAML reader (go-yaml, YAML 1.2 core plus
 * legacy octal) resolves it.
 */
public record ScalarNode(String value, Type type, Style style, Origin origin, MergeTag tag) implements Node {

  /** The resolved type of a scalar. */
  public enum Type { STRING, INT, FLOAT, BOOL, NULL }

  /** How the scalar is written; SYNTHETIC for values Lashing made (defaults, normalized forms). */
  public enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL, FOLDED, SYNTHETIC }

  public static ScalarNode string(String value, Origin origin) {
    return new ScalarNode(value, Type.STRING, Style.SYNTHETIC, origin, MergeTag.NONE);
  }

  public static ScalarNode ofNull(Origin origin) {
    return new ScalarNode("", Type.NULL, Style.SYNTHETIC, origin, MergeTag.NONE);
  }

  public boolean isNull() {
    return type == Type.NULL;
  }

  public boolean isString() {
    return type == Type.STRING;
  }

  /**
   * The integer value of an INT scalar (decimal, 0x, 0o, 0b and legacy leading-zero octal); empty for one beyond
   * an int64, which go-yaml reads as a uint64.
   */
  public Optional<Long> asLong() {
    return type == Type.INT ? Optional.ofNullable(Scalars.parseInt(value)) : Optional.empty();
  }

  public Optional<Boolean> asBoolean() {
    return type == Type.BOOL ? Optional.of(Scalars.isTrue(value)) : Optional.empty();
  }

  /**
   * The value as Compose would print it in a string context: numbers in their canonical decimal form
   * ({@code 0x1F} is 31), booleans as {@code true}/{@code false}, null as null.
   */
  public String text() {
    return text(value, type);
  }

  /** The text of a scalar written as {@code value} and read as {@code type}, as {@link #text()} gives it. */
  public static String text(String value, Type type) {
    return switch (type) {
      case INT -> {
        String digits = Scalars.integerText(value);
        yield digits == null ? value : digits;
      }
      case BOOL -> Boolean.toString(Scalars.isTrue(value));
      case FLOAT -> Scalars.canonicalFloat(value);
      case NULL -> null;
      case STRING -> value;
    };
  }

  /**
   * This scalar as the string Compose makes of it where it wants one (an environment value, a label, a
   * {@code build.args} value, an {@code extra_hosts} address): {@code fmt.Sprint} of what go-yaml read, so
   * {@code 1e6} is "1e+06", {@code 0x1F} "31", {@code 0xFFFFFFFFFFFFFFFF} (a uint64) "18446744073709551615",
   * {@code true} "true" ({@link Scalars#goFloat(String)}); a string or
   * null as it is.
   */
  public ScalarNode asComposeString() {
    if (type == Type.STRING || type == Type.NULL) {
      return this;
    }
    return withValue(type == Type.FLOAT ? Scalars.goFloat(value) : text(), Type.STRING);
  }

  @Override
  public ScalarNode withOrigin(Origin newOrigin) {
    return new ScalarNode(value, type, style, newOrigin, tag);
  }

  @Override
  public ScalarNode withTag(MergeTag newTag) {
    return new ScalarNode(value, type, style, origin, newTag);
  }

  public ScalarNode withValue(String newValue, Type newType) {
    return new ScalarNode(newValue, newType, style, origin, tag);
  }

  @Override
  public String kindName() {
    return switch (type) {
      case STRING -> "string";
      case INT, FLOAT -> "number";
      case BOOL -> "boolean";
      case NULL -> "null";
    };
  }

  @Override
  public String toString() {
    return type == Type.STRING ? '"' + value + '"' : String.valueOf(text());
  }
}
