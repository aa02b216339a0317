package dev.lashing.cli;

import dev.lashing.api.Lashing;
import dev.lashing.inventory.Inventory;
import dev.lashing.inventory.audit.AuditLog;
import dev.lashing.inventory.audit.AuditResult;
import dev.lashing.inventory.audit.HostState;
import dev.lashing.schema.Suggestions;
import dev.lashing.source.AtomicFiles;
import dev.lashing.source.SourceFile;
import dev.lashing.syntax.IpAddress;
import dev.lashing.yaml.SourceFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code lashing audit INVENTORY --env ENV}: reads what a host runs from Docker's JSON output (files given with
 * {@code --state}, else standard input), classifies every container, image and volume against the environment
 * as expected, extra, protected or safe to delete, prints a summary, appends one JSON line to {@code --log}, and
 * with {@code --cleanup-script} writes a reviewable script that removes the safe-to-delete ones. Lashing never
 * runs docker itself. Exit 0 no drift, 1 something is extra, 2 invalid inventory, state input or usage (also a
 * cleanup script asked for where cleanup is off).
 *
 * <p>Docker's output is parsed by Lashing's own small JSON reader, so the command needs no JSON library.
 */
final class AuditCommand {
  private final PrintWriter out;
  private final PrintWriter err;
  private final Path workingDirectory;
  private final Clock clock;
  private final Supplier<String> hostName;
  private final Supplier<String> hostAddress;
  private final Supplier<InputStream> stdin;

  AuditCommand(PrintWriter out, PrintWriter err, Map<String, String> environment, Path workingDirectory) {
    this(out, err, workingDirectory, Clock.systemUTC(), () -> localHostName(environment), AuditCommand::localAddress,
        () -> System.in);
  }

  /** With the clock, host name, host address and standard input injected (tests). */
  AuditCommand(PrintWriter out, PrintWriter err, Path workingDirectory, Clock clock, Supplier<String> hostName,
      Supplier<String> hostAddress, Supplier<InputStream> stdin) {
    this.out = out;
    this.err = err;
    this.workingDirectory = workingDirectory;
    this.clock = clock;
    this.hostName = hostName;
    this.hostAddress = hostAddress;
    this.stdin = stdin;
  }

  static Options options() {
    Options options = new Options();
    options.addOption(Option.builder().longOpt("env").hasArg().argName("ENV")
        .desc("the environment the host belongs to (required)").build());
    options.addOption(Option.builder().longOpt("state").hasArg().argName(Arguments.FILE)
        .desc("docker ps -a / docker images / docker volume ls output with --format json, one JSON object per"
            + " line (repeatable; - or none: standard input)").build());
    options.addOption(Option.builder().longOpt("log").hasArg().argName(Arguments.FILE)
        .desc("append one JSON line with the names of this run's resources by class (schemas/lashing-audit-log"
            + ".schema.json)").build());
    options.addOption(Option.builder().longOpt("cleanup-script").hasArg().argName(Arguments.FILE)
        .desc("write a shell script that removes the safe-to-delete resources (never run by Lashing)").build());
    options.addOption(Option.builder().longOpt("host").hasArg().argName("NAME")
        .desc("the host name to report and log (default: this machine's)").build());
    options.addOption(Option.builder().longOpt("ip").hasArg().argName("ADDRESS")
        .desc("the host address to log (default: this machine's first non-loopback address)").build());
    options.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
    return options;
  }

  int run(String[] args) {
    CommandLine line = Arguments.parse(
        "audit INVENTORY --env ENV [--state FILE]... [--log FILE] [--ip ADDRESS] [--cleanup-script FILE]", options(), args, out);
    if (line == null) {
      return Cli.OK;
    }
    if (line.getArgList().size() != 1) {
      throw new Arguments.UsageException("audit takes one inventory file");
    }
    if (!line.hasOption("env")) {
      throw new Arguments.UsageException("audit needs --env, the environment this host belongs to");
    }
    if (line.hasOption("ip") && !IpAddress.isValid(line.getOptionValue("ip"))) {
      throw new Arguments.UsageException("--ip must be the host's IP address, such as 192.0.2.10, not '"
          + line.getOptionValue("ip") + "'");
    }
    String name = line.getArgList().get(0);
    Lashing lashing = InstalledRules.lashing();
    Inventory inventory = lashing.inventory(workingDirectory.resolve(name).normalize(), name);
    String envName = line.getOptionValue("env");
    Inventory.Environment env = inventory.environments().get(envName);
    if (env == null) {
      throw new Arguments.UsageException("the inventory has no environment '" + envName + "'"
          + Suggestions.closest(envName, inventory.environments().keySet()).map(s -> " (did you mean '" + s + "'?)")
              .orElse(""));
    }
    String script = line.getOptionValue("cleanup-script");
    if (script != null && (env.production() || !env.cleanup())) {
      err.println("lashing: environment " + env.name() + (env.production()
          ? " is a production host, which Lashing treats as read-only: no cleanup script is written there"
          : " has cleanup: false in the inventory, so no cleanup script is written"));
      return Cli.INVALID;
    }

    List<Path> read = new ArrayList<>(List.of(workingDirectory.resolve(name)));
    Arguments.values(line, "state").stream().filter(f -> !f.equals("-")).map(workingDirectory::resolve)
        .forEach(read::add);
    for (String option : List.of("cleanup-script", "log")) {
      String file = line.getOptionValue(option);
      if (file != null && AtomicFiles.replacedInput(workingDirectory.resolve(file), read) != null) {
        throw new Arguments.UsageException("--" + option + " " + file + " is the inventory or a --state file, which "
            + "audit reads and never writes (nothing written)");
      }
    }
    HostState state = HostState.read(inputs(Arguments.values(line, "state")));
    Instant now = clock.instant();
    String host = line.hasOption("host") ? line.getOptionValue("host") : hostName.get();
    AuditResult result = lashing.audit(inventory, env, state, now);
    out.print(result.summary(now, host));
    // The script first: when it cannot be written, the run fails and is not logged.
    if (script != null) {
      Path target = workingDirectory.resolve(script);
      // Not made executable: it is meant to be read first, then run with sh.
      try {
        AtomicFiles.write(target, result.cleanupScript(now, host));
      } catch (IOException e) {
        err.println("lashing: " + IoErrors.cannotWrite(script, e));
        return Cli.INVALID;
      }
      err.println("lashing: wrote " + script + " (" + result.safeToDelete().size()
          + " removal(s)); review it, then run it yourself");
    }
    if (line.hasOption("log")) {
      Path log = workingDirectory.resolve(line.getOptionValue("log"));
      String ip = line.hasOption("ip") ? line.getOptionValue("ip") : hostAddress.get();
      try {
        AuditLog.append(log, result.logLine(now, host, ip));
      } catch (IOException e) {
        err.println("lashing: cannot append to " + IoErrors.describe(line.getOptionValue("log"), e));
        return Cli.INVALID;
      }
    }
    return result.hasDrift() ? Cli.FINDINGS : Cli.OK;
  }

  /** The state inputs: each --state file, {@code -} or no --state at all meaning standard input. */
  private List<SourceFile> inputs(List<String> files) {
    List<SourceFile> inputs = new ArrayList<>();
    List<String> names = files.isEmpty() ? List.of("-") : files;
    boolean stdinRead = false;
    for (String file : names) {
      if (file.equals("-")) {
        if (stdinRead) {
          continue;
        }
        stdinRead = true;
        try {
          inputs.add(SourceFiles.decode(SourceFiles.bounded(stdin.get(), "<stdin>"), "<stdin>"));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else {
        inputs.add(SourceFiles.read(workingDirectory.resolve(file), file));
      }
    }
    return inputs;
  }

  /** The first address of an interface that is up and not a loopback, IPv4 first; else the loopback address. */
  private static String localAddress() {
    List<InetAddress> addresses = new ArrayList<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (nic.isUp() && !nic.isLoopback()) {
          addresses.addAll(Collections.list(nic.getInetAddresses()));
        }
      }
    } catch (SocketException e) {
      // no interface can be listed: the loopback address below
    }
    return addresses.stream()
        .sorted((a, b) -> Boolean.compare(b instanceof Inet4Address, a instanceof Inet4Address)) // IPv4 first
        .filter(a -> !a.isLinkLocalAddress())
        .findFirst().orElse(InetAddress.getLoopbackAddress()).getHostAddress();
  }

  private static String localHostName(Map<String, String> environment) {
    String fromEnvironment = environment.get("HOSTNAME");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}
