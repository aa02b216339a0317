package dev.lashing.rules.resources;

import dev.lashing.lint.Category;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Level;
import dev.lashing.lint.PatchCoverage;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleContext;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.RuleOption;
import dev.lashing.lint.Severity;
import dev.lashing.model.KeyValue;
import dev.lashing.model.Logging;
import dev.lashing.model.Service;
import dev.lashing.source.Origin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Container logs that grow without bound: the {@code json-file} driver (the engine's usual default) keeps
 * everything unless {@code max-size} is set. The {@code local} driver rotates by default, and other drivers ship
 * logs elsewhere, so neither is reported.
 */
@RuleInfo(
    id = "log-rotation",
    summary = "A service's logs are kept in json-file without a size limit",
    category = Category.RELIABILITY,
    severity = Severity.LOW,
    production = Level.MEDIUM,
    fixable = true,
    patch = PatchCoverage.DEFAULT)
public final class LogRotation implements Rule {
  @Override
  public RuleInfo info() {
    return LogRotationInfo.INFO;
  }

  private static final String MAX_SIZE = "max-size";
  private static final String MAX_FILE = "max-file";

  @Override
  public List<RuleOption> options() {
    return List.of(
        new RuleOption("max_size", RuleOption.Type.BYTES, "the size at which the fix rotates a log (default 10m)"),
        new RuleOption("max_file", RuleOption.Type.WHOLE, "how many rotated logs the fix keeps (default 3)"));
  }

  @Override
  public void check(RuleContext context) {
    String maxSize = context.options().string("max_size", "10m");
    String maxFile = context.options().string("max_file", "3");
    for (Service service : Containers.of(context.project())) {
      Logging logging = service.logging();
      if (logging == null) {
        context.report(service.nameOrigin(), service.name(),
            () -> service.name() + " has no logging settings, so with the engine's default json-file driver its log "
                + "grows until the disk is full (unless the daemon sets log-opts); set logging.options."
                + MAX_SIZE + " (for example " + maxSize + ") and " + MAX_FILE,
            new Fix("set the json-file log driver, rotated at " + maxSize + " (" + maxFile + " files): where "
                + "daemon.json sets another default driver (journald, gelf, fluentd, awslogs), this moves the "
                + "service's logs off it to local files", Fix.Safety.SAFE,
                () -> List.of(new Fix.Set(List.of("services", service.name(), "logging"), block(maxSize, maxFile)))));
        continue;
      }
      if (logging.driver() != null && !logging.driver().value().equals("json-file")) {
        continue;
      }
      KeyValue size = logging.options().get(MAX_SIZE);
      if (size != null && size.text() != null && !size.text().equals("-1")) {
        continue;
      }
      Origin at = size != null ? size.origin()
          : logging.driver() != null ? logging.driver().origin()
          : logging.origin();
      String problem = size != null ? MAX_SIZE + " " + size.text() + " means no limit" : "no " + MAX_SIZE + " is set";
      String missingFile = logging.options().containsKey(MAX_FILE) ? null : maxFile;
      context.report(at, service.name(),
          () -> service.name() + " logs to json-file but " + problem + ", so its log grows until the disk is full; set "
              + MAX_SIZE + " (for example " + maxSize + ") and " + MAX_FILE,
          new Fix("rotate logs at " + maxSize, Fix.Safety.SAFE, () -> options(maxSize, missingFile).entrySet().stream()
              .<Fix.Change>map(e -> new Fix.Set(List.of("services", service.name(), "logging", "options", e.getKey()),
                  e.getValue()))
              .toList()));
    }
  }

  /** A logging block: the json-file driver with {@link #options}. */
  private static Map<String, Object> block(String maxSize, String maxFile) {
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("driver", "json-file");
    block.put("options", options(maxSize, maxFile));
    return block;
  }

  /** {@code max-size} and, when given, {@code max-file}, in that order. */
  private static Map<String, Object> options(String maxSize, String maxFile) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put(MAX_SIZE, maxSize);
    if (maxFile != null) {
      options.put(MAX_FILE, maxFile);
    }
    return options;
  }
}
