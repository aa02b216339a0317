package dev.lashing.patch;

import dev.lashing.lint.Gateways;
import dev.lashing.lint.PatchCoverage;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.RuleRole;
import dev.lashing.lint.RuleSettings;
import dev.lashing.load.LoadResult;
import dev.lashing.fix.DigestLock;
import dev.lashing.model.Project;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which rules a patch covers, its gateways and network, and the settings it lints with: all read from the rules'
 * metadata ({@code patch} and {@code roles} of their {@code RuleInfo}), never from rule ids of its own.
 */
final class PatchRules {
  private final RuleRegistry registry;

  PatchRules(RuleRegistry registry) {
    this.registry = registry;
  }

  /**
   * The gateways: those named with --gateway, else those lint decides ({@link Gateways}: the rule option, else
   * recognised by name).
   *
   * @throws IllegalArgumentException for a gateway that is not a service
   */
  Gateways gateways(PatchOptions options, LoadResult before) {
    for (String g : options.gateways()) {
      if (!before.project().services().containsKey(g)) {
        throw new IllegalArgumentException("--gateway " + g + ": the project has no service named " + g);
      }
    }
    if (!options.gateways().isEmpty()) {
      return new Gateways(options.gateways(), "--gateway");
    }
    return Gateways.of(registry, options.settings(), before.project());
  }

  /**
   * The network services move to: --network, else the network option of the rule that takes it (the user's choice,
   * whatever its kind), else {@code <project>_network}, or {@code <project>_network_2}... where the project declares
   * it as a network services may not be moved onto unasked (internal, external, of another driver or name).
   */
  String network(PatchOptions options, LoadResult before) {
    String configured = options.network() != null ? options.network()
        : networkRule().map(id -> options.settings().optionsOf(id).string("network", null)).orElse(null);
    if (configured != null) {
      return configured;
    }
    Project project = before.project();
    String own = project.name() + "_network";
    String network = own;
    for (int n = 2; !project.mayMoveServicesOnto(network); n++) {
      network = own + "_" + n;
    }
    return network;
  }

  /** The rule whose gateways option names the services that may publish ports. */
  Optional<String> gatewaysRule() {
    return registry.idWith(RuleRole.GATEWAYS);
  }

  /** The rule whose network option names the network services move to. */
  Optional<String> networkRule() {
    return registry.idWith(RuleRole.PROJECT_NETWORK);
  }

  /**
   * The configured settings with the gateways and network as options of the rules that take them; naming
   * gateways turns the gateways rule on, and naming a rule with --rule or --also-rule turns it on (unless the
   * configuration turns them off).
   */
  RuleSettings settings(PatchOptions options, List<String> gateways, String network) {
    Map<String, RuleSettings.PerRule> rules = new LinkedHashMap<>(options.settings().rules());
    for (String id : named(options)) {
      RuleSettings.PerRule rule = rules.get(id);
      if (rule == null || rule.enabled() == null) {
        rules.put(id, new RuleSettings.PerRule(Boolean.TRUE, rule == null ? null : rule.severity(),
            rule == null ? null : rule.options()));
      }
    }
    gatewaysRule().ifPresent(id -> rules.put(id, RuleSettings.PerRule.withOption(rules.get(id),
        options.gateways().isEmpty() ? null : Boolean.TRUE, "gateways", gateways)));
    networkRule().ifPresent(id -> rules.put(id, RuleSettings.PerRule.withOption(rules.get(id), null, "network",
        network)));
    return new RuleSettings(options.settings().policy(), rules);
  }

  /**
   * The rules this patch resolves: the default set, plus and minus what was asked, that the policy runs.
   *
   * @throws IllegalArgumentException for a rule that does not exist or that an override cannot fix (the digest rule
   *     can be fixed with a digest lock only), or one named with --also-rule that is not covered only when named
   */
  Set<String> covered(PatchOptions options, RuleSettings settings) {
    List<String> known = registry.ids();
    Set<String> patchable = patchable();
    String digestRule = digestRule().orElse(null);
    List<String> optional = registry.patchable(PatchCoverage.OPTIONAL);
    for (String id : options.alsoRules()) {
      // a rule covered otherwise: said how, rather than taken as if naming it here added something
      String instead = id.equals(digestRule) ? "give --digests FILE to pin images (--rule " + id + " to pin them only)"
          : patchable.contains(id) && !optional.contains(id) ? "the patch covers it by default, or with --rule " + id
          : null;
      if (instead != null) {
        throw new IllegalArgumentException("--also-rule " + id + ": " + instead + "; --also-rule takes "
            + String.join(", ", optional));
      }
    }
    for (String id : named(options)) {
      if (id.equals(digestRule) && options.digests() == DigestLock.NONE) {
        throw new IllegalArgumentException(id + ": the patch pins images to the digests of a lock; give it with"
            + " --digests FILE");
      }
      if (!patchable.contains(id) && !id.equals(digestRule)) {
        throw new IllegalArgumentException(known.contains(id)
            ? id + ": an override file cannot fix it; the patch covers " + String.join(", ", patchable)
            : RuleRegistry.unknownRule(id, known));
      }
    }
    for (String id : options.skipRules()) {
      if (!known.contains(id)) {
        throw new IllegalArgumentException("--skip-rule: " + RuleRegistry.unknownRule(id, known));
      }
    }
    Set<String> covered = new TreeSet<>(options.onlyRules().isEmpty()
        ? registry.patchable(PatchCoverage.DEFAULT) : options.onlyRules());
    covered.addAll(options.alsoRules());
    covered.removeAll(options.skipRules());
    covered.removeIf(id -> registry.get(id) == null || settings.severityOf(registry.get(id).info()) == null);
    return covered;
  }

  /** The rules named with --rule or --also-rule. */
  private static Set<String> named(PatchOptions options) {
    Set<String> named = new TreeSet<>(options.onlyRules());
    named.addAll(options.alsoRules());
    return named;
  }

  /** Every rule a patch can cover, sorted. */
  Set<String> patchable() {
    Set<String> all = new TreeSet<>(registry.patchable(PatchCoverage.DEFAULT));
    all.addAll(registry.patchable(PatchCoverage.OPTIONAL));
    return all;
  }

  /** The rule that reports images not pinned by digest, which the digest lock resolves. */
  Optional<String> digestRule() {
    return registry.idWith(RuleRole.DIGEST_LOCK);
  }

  /** The rules that propose resource limits. */
  List<String> limitRules() {
    return registry.idsWith(RuleRole.RESOURCE_LIMIT);
  }

  /** The rule whose page documents the limits for each kind of image. */
  Optional<String> kindDefaultsRule() {
    return registry.idWith(RuleRole.KIND_DEFAULTS);
  }
}
