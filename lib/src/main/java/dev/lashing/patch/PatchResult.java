package dev.lashing.patch;

import dev.lashing.lint.Finding;
import dev.lashing.lint.RuleSettings;
import dev.lashing.load.LoadResult;
import java.util.List;

/**
 * A generated patch.
 *
 * @param text the override file, header included
 * @param before the project as the user's files define it
 * @param after the project with the patch merged over them
 * @param resolved the findings of {@code before} the patch resolves
 * @param remaining every finding of {@code after}, under the settings the patch was made with
 * @param covered the rules the patch resolves
 * @param settings the settings the project was linted with: the given ones, with the gateways as the option of
 *     internal-service-published and the network as the option of implicit-default-network
 * @param compose the oldest Docker Compose that reads the patch
 * @param backupJobs the backup services the patch adds
 * @param skippedBackups the databases that get no backup job, each with the reason
 */
public record PatchResult(
    String text,
    LoadResult before,
    LoadResult after,
    List<Finding> resolved,
    List<Finding> remaining,
    List<String> covered,
    RuleSettings settings,
    ComposeVersion compose,
    List<String> backupJobs,
    List<String> skippedBackups) {

  public PatchResult {
    remaining = List.copyOf(remaining);
    covered = List.copyOf(covered);
    resolved = List.copyOf(resolved);
    backupJobs = List.copyOf(backupJobs);
    skippedBackups = List.copyOf(skippedBackups);
  }
}
