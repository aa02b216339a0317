import dev.lashing.source.ComposeException;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.Scalars;
import dev.lashing.tree.SeqNode;
import dev.lashing.yaml.SourceFiles;
import dev.lashing.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads each file of a folder with Lashing's YAML reader and prints one line a file: its name, then OK and a
 * canonical form of what was read (the form main.go writes of what go-yaml read), or ERR and the reader's message.
 * Run by scripts/yaml-vs-go.sh with the jar on the class path.
 */
public final class LashingReader {
  public static void main(String[] args) throws Exception {
    List<Path> files;
    try (Stream<Path> listed = Files.list(Path.of(args[0]))) {
      files = listed.filter(Files::isRegularFile).sorted().toList();
    }
    StringBuilder out = new StringBuilder();
    for (Path file : files) {
      String name = file.getFileName().toString();
      String verdict;
      try {
        StringBuilder read = new StringBuilder();
        for (Node document : YamlReader.read(SourceFiles.read(file, name))) {
          canon(document, read);
          read.append('|');
        }
        verdict = "OK\t" + read;
      } catch (ComposeException e) {
        verdict = "ERR " + e.getMessage().replace('\n', ' ');
      } catch (RuntimeException | StackOverflowError e) {
        verdict = "CRASH " + e;
      }
      out.append(name).append('\t').append(verdict).append('\n');
    }
    System.out.print(out);
  }

  private static void canon(Node node, StringBuilder out) {
    if (node instanceof MapNode map) {
      out.append('{');
      map.entries().stream().sorted(Comparator.comparing(MapNode.Entry::name)).forEach(entry -> {
        string(entry.name(), out.append('"')).append("\":");
        canon(entry.value(), out);
        out.append(',');
      });
      out.append('}');
    } else if (node instanceof SeqNode seq) {
      out.append('[');
      for (Node item : seq.items()) {
        canon(item, out);
        out.append(',');
      }
      out.append(']');
    } else {
      ScalarNode scalar = (ScalarNode) node; // Node is sealed: a scalar is what is left; Java 17 runs this script
      if (scalar.tag() != Node.MergeTag.NONE && scalar.isNull()) {
        out.append("s\"\""); // go-yaml reads a Compose merge tag as any tag it does not know: on nothing, ""
        return;
      }
      if (scalar.type() == ScalarNode.Type.STRING && scalar.style() == ScalarNode.Style.PLAIN
          && Scalars.isTimestamp(scalar.value())) {
        out.append("timestamp"); // go-yaml decodes it as a time.Time
        return;
      }
      switch (scalar.type()) {
        case STRING -> string(scalar.value(), out.append("s\"")).append('"');
        case NULL -> out.append("null");
        case INT -> out.append("int(").append(scalar.asComposeString().value()).append(')');
        case FLOAT -> out.append("float(").append(scalar.asComposeString().value()).append(')');
        case BOOL -> out.append("bool(").append(scalar.asComposeString().value()).append(')');
      }
    }
  }

  private static StringBuilder string(String text, StringBuilder out) {
    text.codePoints().forEach(c -> {
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        out.appendCodePoint(c);
      } else {
        out.append("\\u{").append(Integer.toHexString(c)).append('}');
      }
    });
    return out;
  }
}
