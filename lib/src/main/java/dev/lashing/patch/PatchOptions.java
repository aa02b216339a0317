package dev.lashing.patch;

import dev.lashing.fix.DigestLock;
import dev.lashing.lint.RuleSettings;
import dev.lashing.load.LoadOptions;
import java.util.List;
import java.util.Set;

/**
 * What {@code lashing patch} was asked for.
 *
 * @param load the user's project as {@code docker compose} would read it (no files: discovered as Compose does)
 * @param settings the policy and per-rule configuration (from {@code .lashing.yml} and {@code --policy})
 * @param gateways the services that may publish ports ({@code --gateway}); empty: the rule option, else guessed
 * @param network the network the services move to, or null for the rule option or {@code <project>_network}
 * @param backupDirectory the host directory backups go to, or null for {@code ./backups}
 * @param backups true or false to force backup jobs on or off; null: on, except under the development policy
 * @param onlyRules the rules to cover, instead of the default set ({@code --rule}); naming one switches it on
 * @param alsoRules rules to cover beyond the default set, such as {@code cap-drop-all} ({@code --also-rule})
 * @param skipRules rules not to cover ({@code --skip-rule})
 * @param command the command line, for the header
 * @param outputName how the patch file will be named, for the header's usage line
 * @param digests the digests pulled images are pinned to ({@code --digests}); {@link DigestLock#NONE}: none
 */
public record PatchOptions(
    LoadOptions load,
    RuleSettings settings,
    List<String> gateways,
    String network,
    String backupDirectory,
    Boolean backups,
    Set<String> onlyRules,
    Set<String> alsoRules,
    Set<String> skipRules,
    String command,
    String outputName,
    DigestLock digests) {

  public PatchOptions {
    gateways = List.copyOf(gateways);
    onlyRules = Set.copyOf(onlyRules);
    alsoRules = Set.copyOf(alsoRules);
    skipRules = Set.copyOf(skipRules);
  }

  /** The defaults for a project: its policy's settings, no gateways named, backups by policy. */
  public static PatchOptions of(LoadOptions load, RuleSettings settings) {
    return new PatchOptions(load, settings, List.of(), null, null, null, Set.of(), Set.of(), Set.of(), "lashing patch",
        "hardening.patch.yml",
        DigestLock.NONE);
  }
}
