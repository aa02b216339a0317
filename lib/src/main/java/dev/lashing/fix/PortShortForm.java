package dev.lashing.fix;

import dev.lashing.interpolation.InterpolationException;
import dev.lashing.interpolation.Template;
import dev.lashing.syntax.PortSpec;
import dev.lashing.syntax.SyntaxException;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.yaml.YamlStrings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Binding a short port ({@code "8080:80"}) to an address by writing the address in front
 * ({@code "127.0.0.1:8080:80"}), instead of the long form a fix describes: the smallest edit, and variables
 * in the port stay as they are.
 */
final class PortShortForm {
  private static final String HOST_IP = "host_ip";

  private PortShortForm() {}

  /**
   * The new text of a short port whose bindings {@code merged} become {@code replacements}, when these
   * differ from them only by their {@code host_ip}; else null. {@code variables} are the project's: an entry they
   * do not read as {@code merged} (an included file's env file set its variables) is not rewritten.
   */
  static String rewrite(ScalarNode written, List<Node> merged, List<Object> replacements, char quote,
      Map<String, String> variables) {
    String value = shortPort(written);
    if (merged.size() != replacements.size() || value == null) {
      return null;
    }
    String address = null;
    for (int i = 0; i < merged.size(); i++) {
      if (!(merged.get(i) instanceof MapNode old) || !(replacements.get(i) instanceof Map<?, ?> next)) {
        return null;
      }
      Object host = next.get(HOST_IP);
      if (!(host instanceof String h) || address != null && !address.equals(h)) {
        return null;
      }
      address = h;
      Set<String> keys = new HashSet<>();
      for (Object k : next.keySet()) {
        keys.add(k.toString());
      }
      keys.remove(HOST_IP);
      Set<String> oldKeys = new HashSet<>(old.keys());
      oldKeys.remove(HOST_IP);
      if (!keys.equals(oldKeys)) {
        return null;
      }
      for (String k : keys) {
        if (!(old.get(k) instanceof ScalarNode s) || !Objects.equals(s.text(), String.valueOf(next.get(k)))) {
          return null;
        }
      }
    }
    String read = readByCompose(value, variables);
    if (read == null || !bindsAs(read, merged)) {
      return null; // read with other variables (an included file's env file): what they hold is not known here
    }
    String bound = address.contains(":") ? "[" + address + "]" : address;
    // the parts of what Compose reads, not of the text: a variable may hold the colons (${PORTS:-9000:9000})
    String text;
    switch (read.split(":", -1).length) {
      case 1 -> text = bound + "::" + value;
      case 2 -> text = bound + ":" + value;
      default -> {
        List<Integer> colons = topLevelColons(value);
        if (colons == null || colons.size() != 2 || value.substring(0, colons.get(0)).contains("$")) {
          return null; // the address is not written as such: it comes from a variable
        }
        text = bound + value.substring(colons.get(0));
      }
    }
    return switch (written.style()) {
      case PLAIN -> YamlStrings.isPlainSafe(text, false) ? text : YamlStrings.quoted(text, quote);
      case SINGLE_QUOTED -> YamlStrings.quoted(text, '\'');
      case DOUBLE_QUOTED -> YamlStrings.quoted(text, '"');
      default -> null;
    };
  }

  /** A short port's text: a string, or a container port alone written as a decimal integer ({@code - 8069}). */
  private static String shortPort(ScalarNode written) {
    if (written.isString()) {
      return written.value();
    }
    boolean decimal = !written.value().isEmpty() && written.value().chars().allMatch(c -> c >= '0' && c <= '9');
    return decimal && written.asLong().isPresent() ? written.value() : null;
  }

  /** The entry as Compose reads it, its variables substituted; null when that fails (an unset {@code ${X:?}}). */
  private static String readByCompose(String value, Map<String, String> variables) {
    try {
      return Template.substitute(value, variables::get, unset -> { });
    } catch (InterpolationException e) {
      return null;
    }
  }

  /** Whether a short port binds the ports {@code merged} describe, in their order. */
  private static boolean bindsAs(String spec, List<Node> merged) {
    List<PortSpec.Port> ports;
    try {
      ports = PortSpec.parse(spec);
    } catch (SyntaxException e) {
      return false;
    }
    if (ports.size() != merged.size()) {
      return false;
    }
    for (int i = 0; i < ports.size(); i++) {
      MapNode binding = (MapNode) merged.get(i);
      if (!ports.get(i).isBinding(text(binding, HOST_IP), text(binding, "target"), text(binding, "published"),
          text(binding, "protocol"))) {
        return false;
      }
    }
    return true;
  }

  private static String text(MapNode map, String key) {
    return map.get(key) instanceof ScalarNode s ? s.text() : null;
  }

  /** The positions of the {@code :} that separate the parts of a short port, outside ${...} and [...]. */
  private static List<Integer> topLevelColons(String value) {
    List<Integer> colons = new ArrayList<>();
    int braces = 0;
    int brackets = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '{') {
        braces++;
        i++;
      } else if (c == '}' && braces > 0) {
        braces--;
      } else if (c == '[') {
        brackets++;
      } else if (c == ']') {
        brackets--;
      } else if (c == ':' && braces == 0 && brackets == 0) {
        colons.add(i);
      } else if (c == '/' && braces == 0) {
        break;
      }
    }
    return braces == 0 && brackets == 0 ? colons : null;
  }
}
