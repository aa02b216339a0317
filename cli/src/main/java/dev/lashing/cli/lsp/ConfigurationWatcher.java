package dev.lashing.cli.lsp;

import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Lints the open files again when a {@code .lashing.yml} changes on disk (the editor watches it for us). */
final class ConfigurationWatcher implements WorkspaceService {
  private final ComposeDocumentService documents;

  ConfigurationWatcher(ComposeDocumentService documents) {
    this.documents = documents;
  }

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    if (params == null) {
      return; // says nothing changed
    }
    boolean configuration = params.getChanges().stream()
        .map(event -> OpenDocuments.pathOf(event.getUri()))
        .anyMatch(path -> path != null && ComposeDocumentService.isConfiguration(path));
    if (configuration) {
      documents.relintAll();
    }
  }

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    // Lashing's settings live in .lashing.yml, not in the editor's settings
  }
}
