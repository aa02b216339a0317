package dev.lashing.syntax;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/** The short {@code volumes} syntax {@code [SRC:]DST[:OPTS]}, read as compose-go's {@code ParseVolume}. */
public final class VolumeSpec {
  private static final Set<String> PROPAGATIONS =
      Set.of("shared", "slave", "private", "rshared", "rslave", "rprivate");

  /**
   * One service mount in short syntax.
   *
   * @param type {@code bind} or {@code volume}
   * @param source the host path or volume name, or null for an anonymous volume
   * @param target the container path, cleaned like Go's {@code path.Clean}; empty only when the spec ends
   *     inside an unclosed {@code ${}
   * @param propagation a bind propagation option, or null
   * @param selinux {@code z} or {@code Z}, or null
   * @param createHostPath true for every short-syntax bind, which Compose creates when missing
   */
  public record Mount(
      String type,
      String source,
      String target,
      boolean readOnly,
      String propagation,
      String selinux,
      boolean nocopy,
      boolean createHostPath) {}

  private VolumeSpec() {}

  public static Mount parse(String spec) {
    if (spec.isEmpty()) {
      throw new SyntaxException("invalid empty volume spec");
    }
    // Compose counts bytes: any spec of one or two bytes is an anonymous volume, even ":".
    if (spec.getBytes(StandardCharsets.UTF_8).length <= 2) {
      return new Mount("volume", null, cleanPath(spec), false, null, null, false, false);
    }
    Fields fields = new Fields(spec);
    StringBuilder buffer = new StringBuilder();
    int substitutionDepth = 0;
    for (int i = 0; i < spec.length(); i++) {
      char c = spec.charAt(i);
      if (c == '$' && i + 1 < spec.length() && spec.charAt(i + 1) == '{') {
        substitutionDepth++;
      } else if (c == '}' && substitutionDepth > 0) {
        substitutionDepth--;
      } else if (c == ':' && !isDriveLetter(buffer) && substitutionDepth == 0) {
        fields.add(buffer.toString(), false);
        buffer.setLength(0);
        continue;
      }
      buffer.append(c);
    }
    // Compose drops a last section left inside an unclosed "${", leaving the target empty.
    if (substitutionDepth == 0) {
      fields.add(buffer.toString(), true);
    }
    return fields.toMount();
  }

  /** A lone letter before ':' is a Windows drive ({@code C:\data}), so that colon does not split. */
  private static boolean isDriveLetter(CharSequence buffer) {
    return Character.codePointCount(buffer, 0, buffer.length()) == 1
        && Character.isLetter(Character.codePointAt(buffer, 0));
  }

  /** Sections filled in order: source, target, then comma-separated options. */
  private static final class Fields {
    private final String spec;
    private String source;
    private String target;
    private boolean readOnly;
    private String propagation;
    private String selinux;
    private boolean nocopy;

    Fields(String spec) {
      this.spec = spec;
    }

    void add(String section, boolean last) {
      if (section.isEmpty()) {
        throw invalid("empty section between colons");
      }
      if (source == null && last) {
        target = section;
      } else if (source == null) {
        source = section;
      } else if (target == null) {
        target = section;
      } else if (!last) {
        throw invalid("too many colons");
      } else {
        for (String option : section.split(",", -1)) {
          option(option);
        }
      }
    }

    /** Unknown options are ignored, as Compose does. */
    private void option(String option) {
      switch (option) {
        case "ro" -> readOnly = true;
        case "rw" -> readOnly = false;
        case "nocopy" -> nocopy = true;
        case "z", "Z" -> selinux = option;
        default -> {
          if (PROPAGATIONS.contains(option)) {
            propagation = option;
          }
        }
      }
    }

    private SyntaxException invalid(String reason) {
      return new SyntaxException("invalid spec: " + spec + ": " + reason);
    }

    Mount toMount() {
      boolean bind = isFilePath(source);
      String cleaned = target == null ? "" : cleanPath(target);
      return new Mount(
          bind ? "bind" : "volume", source, cleaned, readOnly, propagation, selinux, nocopy, bind);
    }
  }

  /** Host paths start with {@code . / ~}, {@code \\} (a named pipe) or a drive letter and colon. */
  private static boolean isFilePath(String source) {
    if (source == null) {
      return false;
    }
    char first = source.charAt(0);
    if (first == '.' || first == '/' || first == '~' || source.startsWith("\\\\")) {
      return true;
    }
    int next = source.offsetByCodePoints(0, 1);
    return next < source.length()
        && source.charAt(next) == ':'
        && Character.isLetter(source.codePointAt(0));
  }

  /** Go's {@code path.Clean}: slash-separated, lexical only. */
  private static String cleanPath(String path) {
    boolean rooted = path.startsWith("/");
    Deque<String> names = new ArrayDeque<>();
    for (String name : path.split("/")) {
      if (name.isEmpty() || name.equals(".")) {
        continue;
      }
      if (!name.equals("..")) {
        names.addLast(name);
      } else if (!names.isEmpty() && !names.peekLast().equals("..")) {
        names.removeLast();
      } else if (!rooted) {
        names.addLast("..");
      }
    }
    String cleaned = (rooted ? "/" : "") + String.join("/", names);
    return cleaned.isEmpty() ? "." : cleaned;
  }
}
