package dev.lashing.rules.security;

import dev.lashing.model.Located;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One {@code security_opt} item split as the engine splits it: at the first {@code =}, else at the first
 * {@code :} (the legacy form), so {@code label:type:spc_t} is {@code label} and {@code type:spc_t}. A lone
 * {@code no-new-privileges} has a null value.
 */
record SecurityOption(String key, String value, int index, Located<String> item) {
  /** The spellings Go's strconv.ParseBool, which the engine uses, reads as true and as false. */
  private static final Set<String> TRUE = Set.of("1", "t", "T", "true", "TRUE", "True");
  private static final Set<String> FALSE = Set.of("0", "f", "F", "false", "FALSE", "False");

  /** The service's {@code security_opt} items, in order. */
  static List<SecurityOption> of(List<Located<String>> items) {
    List<SecurityOption> options = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      options.add(parse(items.get(i), i));
    }
    return options;
  }

  /** The value read as the engine reads a switch: a lone option is on; null when it is not a boolean. */
  Boolean flag() {
    if (value == null || TRUE.contains(value)) {
      return true;
    }
    return FALSE.contains(value) ? false : null;
  }

  private static SecurityOption parse(Located<String> item, int index) {
    String text = item.value().trim();
    int separator = text.indexOf('=');
    if (separator < 0) {
      separator = text.indexOf(':');
    }
    return separator < 0
        ? new SecurityOption(text, null, index, item)
        : new SecurityOption(text.substring(0, separator), text.substring(separator + 1), index, item);
  }
}
