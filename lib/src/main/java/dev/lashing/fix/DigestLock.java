package dev.lashing.fix;

import dev.lashing.model.Image;
import dev.lashing.source.ComposeException;
import dev.lashing.source.SourceFile;
import dev.lashing.syntax.ImageReference;
import dev.lashing.syntax.SyntaxException;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.yaml.YamlReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The digests a user pins images to ({@code lashing fix --digests images.lock}). One image a line, the
 * reference then its digest, separated by {@code ": "}, blanks or {@code @}; {@code #} starts a comment:
 *
 * <pre>
 * # image            digest
 * nginx:1.27: sha256:0f3c...
 * redis:7.4 sha256:9a1b...
 * ghcr.io/acme/api:2.1@sha256:77de...
 * </pre>
 *
 * A JSON object of the same pairs ({@code {"nginx:1.27": "sha256:..."}}) works too. References match the
 * way Docker reads them: {@code nginx}, {@code nginx:latest} and {@code docker.io/library/nginx:latest} are
 * one image. Lashing never asks a registry: the lock is the user's statement of what to pin.
 */
public final class DigestLock {
  private static final Pattern LINE =
      Pattern.compile("(\\S+?)(?::\\s+|\\s+|@)(" + ImageReference.PINNED_DIGEST_SYNTAX + ")");

  private final Map<String, String> digests;

  private DigestLock(Map<String, String> digests) {
    this.digests = Map.copyOf(digests);
  }

  public static final DigestLock NONE = new DigestLock(Map.of());

  public boolean isEmpty() {
    return digests.isEmpty();
  }

  public int size() {
    return digests.size();
  }

  /**
   * Reads a lock file's text.
   *
   * @throws IllegalArgumentException naming the line that is not an image and a digest
   */
  public static DigestLock parse(String name, String text) {
    Map<String, String> digests = new LinkedHashMap<>();
    String trimmed = text.strip();
    if (trimmed.startsWith("\uFEFF")) {
      trimmed = trimmed.substring(1).strip();
    }
    if (trimmed.startsWith("{")) {
      List<Node> documents;
      try {
        documents = YamlReader.read(new SourceFile(name, trimmed));
      } catch (ComposeException e) {
        throw new IllegalArgumentException(name + ": not a JSON object of image digests: "
            + e.diagnostics().get(0).message());
      }
      if (documents.size() != 1 || !(documents.get(0) instanceof MapNode map)) {
        throw new IllegalArgumentException(name + ": not a JSON object of image digests");
      }
      for (MapNode.Entry e : map.entries()) {
        if (!(e.value() instanceof ScalarNode s) || !ImageReference.isPinnedDigest(s.value())) {
          throw new IllegalArgumentException(name + ": " + e.name() + ": not a sha256, sha384 or sha512 digest");
        }
        put(name, e.name(), s.value(), digests);
      }
      return new DigestLock(digests);
    }
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].replace("\uFEFF", "");
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash);
      }
      line = line.strip();
      if (line.isEmpty()) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw new IllegalArgumentException(name + ":" + (i + 1) + ": expected an image and its digest"
            + " (nginx:1.27: sha256:<64 hex digits>), not '" + line + "'");
      }
      put(name + ":" + (i + 1), m.group(1), m.group(2), digests);
    }
    return new DigestLock(digests);
  }

  private static void put(String where, String image, String digest, Map<String, String> digests) {
    String key = key(image.endsWith(":") ? image.substring(0, image.length() - 1) : image)
        .orElseThrow(() -> new IllegalArgumentException(where + ": '" + image + "' is not an image reference"));
    String earlier = digests.put(key, digest);
    if (earlier != null && !earlier.equals(digest)) {
      throw new IllegalArgumentException(where + ": " + image + " has two different digests");
    }
  }

  /** The digest locked for an image, or empty. */
  public Optional<String> digestOf(Image image) {
    return key(withoutDigest(image.text())).map(digests::get);
  }

  /** The image reference with {@code @digest} in place of any it has. */
  public static String pinned(String text, String digest) {
    return withoutDigest(text) + "@" + digest;
  }

  private static String withoutDigest(String text) {
    int at = text.indexOf('@');
    return at < 0 ? text : text.substring(0, at);
  }

  private static Optional<String> key(String reference) {
    try {
      ImageReference ref = ImageReference.parse(withoutDigest(reference));
      return Optional.of(ref.repository() + ":" + (ref.tag() == null ? "latest" : ref.tag()));
    } catch (SyntaxException e) {
      return Optional.empty();
    }
  }
}
