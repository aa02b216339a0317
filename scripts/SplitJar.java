import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Splits the command line's shaded jar in two for the distribution (scripts/build-dist.sh runs it with the
 * JDK's source launcher):
 *
 * <pre>  java scripts/SplitJar.java JAR CORE_JAR LIBS_JAR PREFIX...</pre>
 *
 * CORE_JAR holds the entries whose names start with one of the prefixes (Lashing's classes and what every run
 * loads), LIBS_JAR the rest (the JSON-schema validator with Jackson, the language server's lsp4j and Gson), and
 * CORE_JAR's manifest names LIBS_JAR in its Class-Path. Why: the JVM opens the jar it is started with and reads
 * its whole central directory, one interpreted loop per entry, before main; three quarters of the entries are
 * classes a lint run never loads, and a jar on the Class-Path is opened only when a class or resource is looked
 * for beyond the first. Entries keep their order, times and contents, so two splits of one jar are alike.
 */
public final class SplitJar {
  public static void main(String[] args) throws IOException {
    if (args.length < 4) {
      System.err.println("usage: java SplitJar.java JAR CORE_JAR LIBS_JAR PREFIX...");
      System.exit(2);
    }
    Path libs = Path.of(args[2]);
    List<String> corePrefixes = List.of(args).subList(3, args.length);
    try (ZipFile jar = new ZipFile(args[0])) {
      Set<String> core = new HashSet<>();
      Set<String> rest = new HashSet<>();
      for (ZipEntry entry : Collections.list(jar.entries())) {
        if (entry.isDirectory() || entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
          continue; // directories go to each jar that holds a file under them; manifests are written anew
        }
        (corePrefixes.stream().anyMatch(entry.getName()::startsWith) ? core : rest).add(entry.getName());
      }
      Manifest original = jar.getEntry(JarFile.MANIFEST_NAME) == null ? new Manifest()
          : new Manifest(jar.getInputStream(jar.getEntry(JarFile.MANIFEST_NAME)));
      boolean multiRelease = "true".equalsIgnoreCase(original.getMainAttributes().getValue("Multi-Release"));

      Manifest coreManifest = new Manifest(original);
      coreManifest.getMainAttributes().remove(new Attributes.Name("Multi-Release")); // its classes have no versions
      coreManifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, libs.getFileName().toString());
      write(jar, core, coreManifest, Path.of(args[1]));

      Manifest libsManifest = new Manifest();
      libsManifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
      if (multiRelease) {
        libsManifest.getMainAttributes().put(new Attributes.Name("Multi-Release"), "true");
      }
      write(jar, rest, libsManifest, libs);
    }
  }

  /** The entries named in {@code files}, and the folders above them, in the jar's order, after the manifest. */
  private static void write(ZipFile jar, Set<String> files, Manifest manifest, Path to) throws IOException {
    Set<String> folders = new HashSet<>();
    for (String file : files) {
      for (int slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) {
        folders.add(file.substring(0, slash + 1));
      }
    }
    ZipEntry original = jar.getEntry(JarFile.MANIFEST_NAME);
    long time = original == null ? 0 : original.getTime();
    try (OutputStream file = Files.newOutputStream(to); ZipOutputStream out = new ZipOutputStream(file)) {
      out.putNextEntry(entry("META-INF/", time));
      out.putNextEntry(entry(JarFile.MANIFEST_NAME, time));
      manifest.write(out);
      for (ZipEntry e : Collections.list(jar.entries())) {
        if (e.getName().equals("META-INF/")) {
          continue;
        }
        if (e.isDirectory() ? folders.contains(e.getName()) : files.contains(e.getName())) {
          out.putNextEntry(entry(e.getName(), e.getTime()));
          try (InputStream in = jar.getInputStream(e)) {
            in.transferTo(out);
          }
        }
      }
    }
  }

  private static ZipEntry entry(String name, long time) {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(time);
    return entry;
  }
}
