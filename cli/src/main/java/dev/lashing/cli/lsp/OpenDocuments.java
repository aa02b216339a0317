package dev.lashing.cli.lsp;

import dev.lashing.source.SourceFile;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * The text of every document the editor has open, by absolute path; a document is forgotten when it is
 * closed, so nothing grows with the files seen. Safe to read from the lint thread while the protocol
 * thread updates it.
 */
final class OpenDocuments {
  /** One open document: the URI the editor names it by, its text and the editor's version of it. */
  record Document(String uri, Path path, String text, int version) {}

  private final Map<Path, Document> documents = new ConcurrentHashMap<>();

  /**
   * The path of a {@code file:} URI (the scheme in any case, the host empty or {@code localhost}), or null for other
   * schemes (unsaved buffers), which are not linted, and for a file on another host.
   */
  static Path pathOf(String uri) {
    try {
      URI parsed = URI.create(uri);
      String host = parsed.getAuthority();
      if (!"file".equalsIgnoreCase(parsed.getScheme()) || parsed.getPath() == null
          || host != null && !host.isEmpty() && !host.equalsIgnoreCase("localhost")) {
        return null;
      }
      return Path.of(new URI("file", null, parsed.getPath(), null)).toAbsolutePath().normalize();
    } catch (IllegalArgumentException | URISyntaxException e) {
      return null;
    }
  }

  /** The {@code file:} URI of a path, spelled as editors spell it ({@code file:///...}). */
  static String uriOf(Path path) {
    return path.toUri().toString();
  }

  /** The URI of a file: the one the editor opened it by when {@code open} (or null) is its document, else as above. */
  static String uriOf(Path path, Document open) {
    return open == null ? uriOf(path) : open.uri();
  }

  void open(String uri, Path path, String text, int version) {
    documents.put(path, new Document(uri, path, text, version));
  }

  /** Applies the editor's changes in order: whole-text replacements or ranges of the previous text. */
  void change(Path path, int version, List<TextDocumentContentChangeEvent> changes) {
    documents.computeIfPresent(path, (p, document) -> {
      String text = document.text();
      for (TextDocumentContentChangeEvent change : changes) {
        if (change.getRange() == null) {
          text = change.getText();
        } else {
          SourceFile lines = new SourceFile(p.toString(), text);
          int start = offset(lines, change.getRange().getStart());
          int end = offset(lines, change.getRange().getEnd());
          text = text.substring(0, start) + change.getText() + text.substring(Math.max(start, end));
        }
      }
      return new Document(document.uri(), p, text, version);
    });
  }

  void close(Path path) {
    documents.remove(path);
  }

  Document get(Path path) {
    return documents.get(path);
  }

  List<Document> all() {
    return List.copyOf(documents.values());
  }

  /** The offset of a position, clamped to the text (editors may point past a line's end). */
  private static int offset(SourceFile lines, Position position) {
    if (position.getLine() >= lines.lineCount()) {
      return lines.text().length();
    }
    int start = lines.lineStart(position.getLine() + 1);
    int lineEnd = start + lines.line(position.getLine() + 1).length();
    return Math.min(start + position.getCharacter(), lineEnd);
  }
}
