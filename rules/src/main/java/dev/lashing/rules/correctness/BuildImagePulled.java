package dev.lashing.rules.correctness;

import dev.lashing.knowledge.ImageCatalog;
import dev.lashing.lint.Category;
import dev.lashing.lint.Fix;
import dev.lashing.lint.PatchCoverage;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.model.Image;
import dev.lashing.model.Located;
import dev.lashing.model.Service;
import java.util.List;
import java.util.Set;

/**
 * A service with {@code build} whose {@code image} is a Docker Hub official image ({@code build: .} beside
 * {@code image: nginx:1.25}). With both, Compose follows {@code pull_policy}, and every policy but {@code build} and
 * {@code never} pulls first and builds only when the pull fails: the registry has that image, so {@code docker
 * compose up} runs it and the service's Dockerfile is never built. Only names the image catalog knows as official
 * images are reported (their pull certainly succeeds); any other name is taken for the project's own.
 */
@RuleInfo(
    id = "build-image-pulled",
    summary = "A service that builds its image names a Docker Hub official image, which Compose pulls instead",
    category = Category.CORRECTNESS,
    severity = Severity.MEDIUM,
    fixable = true,
    patch = PatchCoverage.OPTIONAL)
public final class BuildImagePulled implements Rule {
  @Override
  public RuleInfo info() {
    return BuildImagePulledInfo.INFO;
  }

  /**
   * The pull policies under which Compose pulls a service's image before building it (compose-go's
   * {@code GetPullPolicy}: {@code if_not_present} is {@code missing}; {@code every_<duration>} too, below).
   */
  private static final Set<String> PULLING = Set.of("always", "missing", "if_not_present", "refresh", "daily",
      "weekly");

  @Override
  public void check(RuleContext context) {
    for (Service service : context.project().services().values()) {
      Image image = service.image();
      if (service.build() == null || image == null || !image.isValid() || !pulls(service.pullPolicy())) {
        continue;
      }
      if (ImageCatalog.findOfficial(image.reference()).isEmpty()) {
        continue;
      }
      String name = service.name();
      Located<String> policy = service.pullPolicy();
      String repository = image.reference().familiarName();
      context.report(image.origin(), name, () -> "service '" + name + "' builds its image, but image: " + image.text()
          + " is Docker Hub's official " + repository + " image, which Compose pulls and runs instead ("
          + (policy == null || policy.value().isEmpty() ? "no pull_policy" : "pull_policy: " + policy.value())
          + ": it pulls first and builds only when the pull fails), so the service's Dockerfile is never built; set pull_policy: build, or give the"
          + " image a name of the project's own (such as " + context.project().name() + "-" + name + ")",
          new Fix("set pull_policy: build, so Compose builds the image instead of pulling " + repository,
              Fix.Safety.BEHAVIOUR_CHANGING, List.of(new Fix.Set(List.of("services", name, "pull_policy"), "build"))));
    }
  }

  /**
   * Whether Compose pulls under this policy before it builds: absent or empty (a variable without a value), a
   * pulling policy, or every_ a duration.
   */
  private static boolean pulls(Located<String> policy) {
    return policy == null || policy.value().isEmpty() || PULLING.contains(policy.value())
        || policy.value().startsWith("every_");
  }
}
