package dev.lashing.cli;

import dev.lashing.lint.Policy;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.lint.Severity;
import java.io.PrintWriter;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code lashing rules} (the catalog) and {@code lashing explain RULE} (a rule's page, offline). */
final class CatalogCommands {
  private final PrintWriter out;
  private final PrintWriter err;

  CatalogCommands(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  int rules(String[] args) {
    CommandLine line = Arguments.parse("rules", help(), args, out);
    if (line == null) {
      return Cli.OK;
    }
    if (!line.getArgList().isEmpty()) {
      throw new Arguments.UsageException("rules takes no arguments");
    }
    RuleRegistry registry = RuleRegistry.discover();
    out.printf("%-28s %-10s %-10s %-12s %-13s %-7s %s%n",
        "RULE", "DEFAULT", "PROD", "DEV", "CATEGORY", "FIX", "SUMMARY");
    for (Rule rule : registry.rules()) {
      RuleInfo info = rule.info();
      out.printf("%-28s %-10s %-10s %-12s %-13s %-7s %s%s%n",
          info.id(), level(info, Policy.DEFAULT), level(info, Policy.PRODUCTION), level(info, Policy.DEVELOPMENT),
          info.category().label(), info.fixable() ? "yes" : "-", info.summary(),
          info.cis().isEmpty() ? "" : " [CIS " + info.cis() + (info.cisV15().isEmpty() ? "" : ", v1.5 " + info.cisV15())
              + "]");
    }
    out.println(registry.rules().size() + " rules. `lashing explain RULE` shows a rule's page.");
    return Cli.OK;
  }

  int explain(String[] args) {
    CommandLine line = Arguments.parse("explain RULE", help(), args, out);
    if (line == null) {
      return Cli.OK;
    }
    if (line.getArgList().size() != 1) {
      throw new Arguments.UsageException("explain takes one rule id, e.g. `lashing explain privileged`");
    }
    String id = line.getArgList().get(0);
    RuleRegistry registry = RuleRegistry.discover();
    if (registry.get(id) == null) {
      err.println("lashing: " + RuleRegistry.unknownRule(id, registry.ids()));
      return Cli.INVALID;
    }
    out.print(RulePages.of(id).orElse(id + ": " + registry.get(id).info().summary() + "\n"));
    return Cli.OK;
  }

  private static Options help() {
    Options options = new Options();
    options.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
    return options;
  }

  private static String level(RuleInfo info, Policy policy) {
    Severity severity = RuleRegistry.severityUnder(info, policy);
    return severity == null ? "off" : severity.label();
  }
}
