package dev.lashing.rules.resources;

import dev.lashing.lint.Category;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Level;
import dev.lashing.lint.PatchCoverage;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.Severity;
import dev.lashing.model.Build;
import dev.lashing.model.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A long-running service without a healthcheck: Docker only knows whether its process exists, not whether it
 * answers. One-shot jobs are skipped, and so are services built from a Dockerfile whose final stage declares a
 * HEALTHCHECK. The fix is offered for well-known images only.
 */
@RuleInfo(
    id = "healthcheck-missing",
    summary = "A service has no healthcheck",
    category = Category.RELIABILITY,
    severity = Severity.LOW,
    production = Level.MEDIUM,
    cis = "5.27",
    cisV15 = "5.26",
    fixable = true,
    patch = PatchCoverage.DEFAULT,
    noFix = "no check known for the image")
public final class HealthcheckMissing implements Rule {
  @Override
  public RuleInfo info() {
    return HealthcheckMissingInfo.INFO;
  }

  private static final Pattern FROM = Pattern.compile("(?im)^\\s*FROM\\s");
  private static final Pattern HEALTHCHECK = Pattern.compile("(?im)^\\s*HEALTHCHECK\\s+(\\S+)");

  @Override
  public void check(RuleContext context) {
    Set<String> jobs = Containers.oneShots(context.project());
    for (Service service : Containers.of(context.project())) {
      if (service.healthcheck() != null || jobs.contains(service.name())
          || dockerfileDefinesHealthcheck(service.build())) {
        continue;
      }
      KnownHealthchecks.Choice choice = KnownHealthchecks.forService(context, service).orElse(null);
      KnownHealthchecks.Check known = choice == null ? null : choice.check();
      String advice = known != null ? "add one that runs " + known.command()
          : choice != null ? "add one that checks it answers (Lashing writes none for its image: "
              + choice.unavailable() + ")"
          : "add one that checks it answers";
      context.report(service.nameOrigin(), service.name(),
          () -> service.name() + " has no healthcheck, so unless its image defines one Docker cannot tell when it "
              + "stops answering and dependents cannot wait for it to be ready; " + advice,
          known == null ? null : new Fix("add a healthcheck", Fix.Safety.BEHAVIOUR_CHANGING,
              () -> List.of(new Fix.Set(List.of("services", service.name(), "healthcheck"), known.toCompose()))));
    }
  }

  /** The Dockerfile the service builds declares a HEALTHCHECK other than NONE in its final stage. */
  private static boolean dockerfileDefinesHealthcheck(Build build) {
    if (build == null) {
      return false;
    }
    String text = dockerfile(build);
    if (text == null) {
      return false;
    }
    Matcher from = FROM.matcher(text);
    int lastStage = 0;
    while (from.find()) {
      lastStage = from.start();
    }
    Matcher healthcheck = HEALTHCHECK.matcher(text.substring(lastStage));
    boolean defined = false;
    while (healthcheck.find()) {
      defined = !healthcheck.group(1).toUpperCase(Locale.ROOT).equals("NONE");
    }
    return defined;
  }

  /** The Dockerfile's text: inline, or read from the local build context; null when not readable. */
  private static String dockerfile(Build build) {
    if (build.dockerfileInline() != null) {
      return build.dockerfileInline().value();
    }
    if (build.context() == null) {
      return null;
    }
    try {
      Path context = Path.of(build.context().value());
      Path file = context.resolve(build.dockerfile() == null ? "Dockerfile" : build.dockerfile().value());
      return Files.isRegularFile(file) ? Files.readString(file) : null;
    } catch (IOException | InvalidPathException e) {
      return null;
    }
  }
}
