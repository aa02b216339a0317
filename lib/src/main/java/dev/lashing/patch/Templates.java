package dev.lashing.patch;

import dev.lashing.interpolation.InterpolationException;
import dev.lashing.interpolation.Template;
import dev.lashing.source.SourceFile;
import dev.lashing.syntax.PortSpec;
import dev.lashing.syntax.SyntaxException;
import dev.lashing.source.SourceRange;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.Scalars;
import dev.lashing.tree.SeqNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns values of the loaded (interpolated) model back into what a patch should write: a string that came from a
 * {@code ${...}} template is written as that template, so the patch keeps following the user's variables;
 * anything else is written as its value.
 */
final class Templates {
  private final Map<String, SourceFile> sources;
  private final Map<String, String> environment;

  Templates(Map<String, SourceFile> sources, Map<String, String> environment) {
    this.sources = sources;
    this.environment = environment;
  }

  /**
   * The template written where {@code node} comes from, when interpolating it with the project's environment
   * gives exactly the node's value; null otherwise (a literal, a value Lashing derived, an env file value).
   */
  String templateOf(Node node) {
    return templateOf(node, null);
  }

  /**
   * {@link #templateOf(Node)} for the value of a {@code KEY=VALUE} entry ({@code environment}, {@code labels}),
   * which may be written as a list item: the {@code KEY=} before the value is not part of it.
   */
  String templateOf(Node node, String key) {
    if (!(node instanceof ScalarNode scalar) || scalar.text() == null) {
      return null;
    }
    String written = writtenText(scalar, key);
    if (written == null || written.indexOf('$') < 0) {
      return null;
    }
    try {
      String value = Template.substitute(written, environment::get, unset -> { });
      return value.equals(scalar.text()) && !written.equals(value) && !Template.references(written).isEmpty()
          ? written : null;
    } catch (InterpolationException e) {
      return null;
    }
  }

  /**
   * The template with the fallbacks of its references taken out ({@code ${PASSWORD:-secret}} becomes
   * {@code ${PASSWORD}}), so a patch refers to the same variables without repeating a literal default.
   */
  static String withoutDefaults(String template) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (Template.Reference r : Template.references(template)) {
      if (r.start() < at) {
        continue; // nested in a reference already rewritten
      }
      out.append(template, at, r.start());
      boolean fallback = r.operator().equals(":-") || r.operator().equals("-");
      out.append(fallback ? "${" + r.name() + "}" : template.substring(r.start(), r.end()));
      at = r.end();
    }
    return out.append(template.substring(at)).toString();
  }

  /**
   * Whether a short port entry as written ({@code ${PORT:-8080}:80}), once interpolated, is the single binding of
   * {@code port} (a long form without host_ip, which the caller adds): same published port, target and protocol.
   */
  boolean meansOneBinding(String written, PatchMap port) {
    try {
      String text = Template.substitute(written, environment::get, unset -> { });
      List<PortSpec.Port> ports = PortSpec.parse(text);
      Object published = port.get("published");
      String publishedText = published instanceof PatchMap.Raw raw
          ? Template.substitute(raw.template(), environment::get, unset -> { }) : (String) published;
      Object protocol = port.get("protocol");
      return ports.size() == 1 && ports.get(0).isBinding(null,
          port.get("target") instanceof Long target ? target.toString() : null, publishedText,
          protocol == null ? "tcp" : (String) protocol);
    } catch (InterpolationException | SyntaxException | ClassCastException e) {
      return false;
    }
  }

  /**
   * A canonical port binding as the short entry the user wrote for it, when that entry is a template
   * ({@code "${WEB_PORT:-8080}:80"}) that means exactly this one binding; null otherwise.
   */
  String shortPortTemplate(MapNode port) {
    for (String key : port.keys()) {
      if (!Set.of("mode", "host_ip", "target", "published", "protocol").contains(key)) {
        return null;
      }
    }
    if (port.get("mode") instanceof ScalarNode mode && !"ingress".equals(mode.text())
        || !(port.get("target") instanceof ScalarNode target) || target.asLong().isEmpty()) {
      return null;
    }
    Node at = port.get("published") != null ? port.get("published") : target;
    String written = at instanceof ScalarNode s ? writtenText(s) : null;
    if (written == null || written.indexOf('$') < 0) {
      return null;
    }
    try {
      List<PortSpec.Port> ports = PortSpec.parse(Template.substitute(written, environment::get, unset -> { }));
      return ports.size() == 1 && ports.get(0).isBinding(text(port.get("host_ip")),
          Long.toString(target.asLong().get()), text(port.get("published")),
          port.get("protocol") == null ? "tcp" : text(port.get("protocol")))
          ? written : null;
    } catch (InterpolationException | SyntaxException e) {
      return null;
    }
  }

  private static String text(Node node) {
    return node instanceof ScalarNode s ? s.text() : null;
  }

  /** A variable of the project environment, or null when it is not set. */
  String variable(String name) {
    return environment.get(name);
  }

  /** The variables a template refers to that the project environment does not set. */
  List<String> unsetVariables(String template) {
    List<String> unset = new ArrayList<>();
    for (Template.Reference r : Template.references(template)) {
      if (environment.get(r.name()) == null && !unset.contains(r.name())) {
        unset.add(r.name());
      }
    }
    return unset;
  }

  /** Whether the value is written literally in a compose file, as it is (neither a template nor derived). */
  boolean isWrittenLiterally(Node node, String key) {
    if (!(node instanceof ScalarNode scalar) || scalar.text() == null) {
      return false;
    }
    String written = writtenText(scalar, key);
    if (written == null) {
      return false;
    }
    // a number or a boolean written plain reaches the environment as Compose's text for it (FALSE as "false")
    return written.replace("$$", "$").equals(scalar.text())
        || Objects.equals(ScalarNode.text(written, Scalars.resolvePlain(written)), scalar.text());
  }

  /** The value of a {@code KEY=VALUE} entry as written: without {@code KEY=} when written as a list item. */
  String writtenText(ScalarNode scalar, String key) {
    String text = writtenText(scalar);
    return text != null && key != null && text.startsWith(key + "=") ? text.substring(key.length() + 1) : text;
  }

  /** The scalar's text as written in its file, unquoted when it was quoted on one line; null when unknown. */
  String writtenText(ScalarNode scalar) {
    SourceRange at = scalar.origin().at();
    SourceFile file = at.isSynthetic() ? null : sources.get(at.file());
    if (file == null || at.startOffset() < 0 || at.endOffset() > file.text().length()) {
      return null;
    }
    String text = file.text().substring(at.startOffset(), at.endOffset());
    if (text.indexOf('\n') >= 0) {
      return null;
    }
    ScalarNode.Style style = scalar.style();
    if (style == ScalarNode.Style.SYNTHETIC) {
      // a value Lashing split out of what was written (a KEY=VALUE list item): read the item's own quoting
      style = text.startsWith("'") ? ScalarNode.Style.SINGLE_QUOTED
          : text.startsWith("\"") ? ScalarNode.Style.DOUBLE_QUOTED : ScalarNode.Style.PLAIN;
    }
    return switch (style) {
      case PLAIN -> text;
      case SINGLE_QUOTED -> text.length() >= 2 && text.endsWith("'")
          ? text.substring(1, text.length() - 1).replace("''", "'") : null;
      case DOUBLE_QUOTED -> text.length() >= 2 && text.endsWith("\"") && text.indexOf('\\') < 0
          ? text.substring(1, text.length() - 1) : null;
      default -> null;
    };
  }

  /** A model value as a patch value: templates kept, numbers and booleans typed, mappings and lists copied. */
  Object value(Node node) {
    if (node instanceof MapNode map) {
      PatchMap result = new PatchMap();
      for (MapNode.Entry e : map.entries()) {
        result.put(e.name(), value(e.value()));
      }
      return result;
    }
    if (node instanceof SeqNode seq) {
      List<Object> items = new ArrayList<>(seq.size());
      for (Node item : seq.items()) {
        items.add(value(item));
      }
      return items;
    }
    ScalarNode scalar = (ScalarNode) node;
    String template = templateOf(scalar);
    if (template != null) {
      return new PatchMap.Raw(template);
    }
    return switch (scalar.type()) {
      case NULL -> null;
      case BOOL -> scalar.asBoolean().orElse(false);
      case INT -> scalar.asLong().map(Object.class::cast).orElse(scalar.text());
      case FLOAT -> parseDouble(scalar.text());
      case STRING -> scalar.value();
    };
  }

  private static Object parseDouble(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return text;
    }
  }
}
