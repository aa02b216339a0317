package dev.lashing.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lashing.inventory.Inventory;
import dev.lashing.inventory.Inventory.Environment;
import dev.lashing.inventory.InventoryLoader;
import dev.lashing.inventory.audit.AuditResult;
import dev.lashing.inventory.audit.AuditResult.Classified;
import dev.lashing.inventory.audit.AuditResult.Kind;
import dev.lashing.inventory.audit.AuditResult.Verdict;
import dev.lashing.inventory.audit.Auditor;
import dev.lashing.inventory.audit.HostState;
import dev.lashing.report.JsonSchemas;
import dev.lashing.source.ComposeException;
import dev.lashing.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code audit}: an inventory and what a host runs (docker's JSON lines; the input split at its first NUL) are read
 * or refused with positions. For each environment, every container, image and volume is classified once; the
 * audit log line follows its schema and names what the classes hold; the cleanup script removes exactly what is
 * safe to delete, each name quoted so that sh reads it back as it is.
 */
class AuditFuzzTest {
  private static final String LOG_SCHEMA = "/dev/lashing/schemas/lashing-audit-log.schema.json";
  private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
  private static final JsonMapper JSON = new JsonMapper();

  @FuzzTest(maxDuration = "10s")
  void eachResourceIsClassifiedOnceAndWrittenAsFound(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    int nul = text.indexOf('\0');
    Inventory inventory;
    HostState state;
    try {
      inventory = InventoryLoader.read(new SourceFile("inventory.yml", nul < 0 ? text : text.substring(0, nul)));
      state = HostState.read(List.of(new SourceFile("state.json", nul < 0 ? "" : text.substring(nul + 1))));
    } catch (ComposeException e) {
      FuzzChecks.positioned(e);
      return;
    }
    for (Environment environment : inventory.ordered()) {
      AuditResult result = Auditor.audit(inventory, environment, state, NOW);
      eachOnce(result, Kind.CONTAINER, state.containers().size());
      eachOnce(result, Kind.IMAGE, state.images().size());
      eachOnce(result, Kind.VOLUME, state.volumes().size());
      logNamesEachClass(result);
      if (environment.cleanup() && !environment.production()) {
        cleanupRemovesWhatIsSafeToDelete(result);
      }
    }
  }

  private static void eachOnce(AuditResult result, Kind kind, int found) {
    long classified = result.items().stream().filter(c -> c.kind() == kind).count();
    if (classified != found) {
      throw new AssertionError(found + " " + kind.plural() + " found, " + classified + " classified");
    }
  }

  private static void logNamesEachClass(AuditResult result) {
    String line = result.logLine(NOW, "host-a", "192.0.2.1");
    List<String> errors = JsonSchemas.errors(LOG_SCHEMA, line);
    if (!errors.isEmpty()) {
      throw new AssertionError("the log line breaks its schema " + errors + ":\n" + line);
    }
    JsonNode logged = JSON.readTree(line);
    for (Kind kind : Kind.values()) {
      for (Verdict verdict : Verdict.values()) {
        List<String> names = new ArrayList<>();
        for (JsonNode name : logged.get(kind.plural() + "_" + verdict.logKey())) {
          names.add(name.asString());
        }
        List<String> held = result.items().stream()
            .filter(c -> c.kind() == kind && c.verdict() == verdict).map(Classified::name).toList();
        if (!names.equals(held)) {
          throw new AssertionError("the log names " + names + " for " + held + ":\n" + line);
        }
      }
    }
  }

  /** Each command line of the script, read as sh reads its single-quoted argument, removes what is safe to delete. */
  private static void cleanupRemovesWhatIsSafeToDelete(AuditResult result) {
    String script = result.cleanupScript(NOW, "host-a");
    List<String> removed = new ArrayList<>();
    for (String line : script.split("\n", -1)) {
      if (line.isEmpty() || line.startsWith("#") || line.equals("set -eu")) {
        continue;
      }
      int argument = line.indexOf(" -- ");
      if (argument < 0 || !List.of("docker rm", "docker rmi", "docker volume rm").contains(line.substring(0, argument))) {
        throw new AssertionError("a line of the cleanup script that is no removal: " + line + "\n" + script);
      }
      removed.add(line.substring(0, argument) + " " + unquote(line.substring(argument + 4), script));
    }
    List<String> safe = result.safeToDelete().stream().map(c -> switch (c.kind()) {
      case CONTAINER -> "docker rm " + c.removeArgument();
      case IMAGE -> "docker rmi " + c.removeArgument();
      case VOLUME -> "docker volume rm " + c.removeArgument();
    }).toList();
    if (!removed.equals(safe)) {
      throw new AssertionError("the script removes " + removed + ", not " + safe + ":\n" + script);
    }
  }

  /** One word as sh reads it, when it is made of single-quoted parts and "'" alone; else the script is wrong. */
  private static String unquote(String word, String script) {
    StringBuilder read = new StringBuilder();
    int i = 0;
    while (i < word.length()) {
      if (word.startsWith("\"'\"", i)) {
        read.append('\'');
        i += 3;
      } else if (word.charAt(i) == '\'' && word.indexOf('\'', i + 1) > 0) {
        int end = word.indexOf('\'', i + 1);
        read.append(word, i + 1, end);
        i = end + 1;
      } else {
        throw new AssertionError("an argument sh would not read as one quoted word: " + word + "\n" + script);
      }
    }
    return read.toString();
  }
}
