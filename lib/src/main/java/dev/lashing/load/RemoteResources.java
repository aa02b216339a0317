package dev.lashing.load;

import dev.lashing.source.Diagnostic;
import dev.lashing.source.SourceRange;
import java.util.List;

/**
 * The {@code include} and {@code extends} files compose-go fetches from elsewhere (a git repository, an
 * {@code oci://} artifact). Lashing never fetches them, so that a lint in a pre-commit hook or a CI step never
 * touches the network: each is reported once, as a warning of its own kind, and the rest is loaded.
 */
final class RemoteResources {
  private RemoteResources() {}

  /**
   * A URL ({@code oci://}, {@code https://}, {@code git://}…), git's scp form ({@code git@host:repo}) or a
   * GitHub path: what Compose fetches instead of reading a local path (build contexts too).
   */
  static boolean isRemote(String path) {
    return path != null && (path.contains("://") || path.startsWith("git@") || path.startsWith("github.com/"));
  }

  /** Records that the {@code what} at {@code at}, naming {@code path}, was not fetched. */
  static void notFetched(String what, String path, SourceRange at, List<Diagnostic> problems) {
    problems.add(Diagnostic.warning(Diagnostic.Kind.REMOTE_RESOURCE, at, what + " " + path
        + " is remote and was not fetched, so what it brings was not checked"));
  }
}
