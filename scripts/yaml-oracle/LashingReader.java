import dev.lashing.source.ComposeException;
import dev.lashing.yaml.SourceFiles;
import dev.lashing.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads each file of a folder with Lashing's YAML reader and prints one line a file: its name, then OK, or ERR and
 * the reader's message. Run by scripts/yaml-vs-go.sh with the jar on the class path.
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
        YamlReader.read(SourceFiles.read(file, name));
        verdict = "OK";
      } catch (ComposeException e) {
        verdict = "ERR " + e.getMessage().replace('\n', ' ');
      } catch (RuntimeException | StackOverflowError e) {
        verdict = "CRASH " + e;
      }
      out.append(name).append('\t').append(verdict).append('\n');
    }
    System.out.print(out);
  }
}
