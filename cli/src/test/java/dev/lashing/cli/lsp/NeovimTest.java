package dev.lashing.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lashing.cli.Main;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real editor: Neovim's built-in LSP client, headless, starts {@code lashing lsp} from the test class
 * path (the jar is built after the tests), receives the diagnostics of a compose file, resolves the edit of
 * the fix-all action, applies the quick fix of one finding and writes the file. Skips, saying so, when
 * {@code nvim} is not installed (scripts/install-test-tools.sh installs it).
 */
class NeovimTest {
  @TempDir Path dir;

  private static final String COMPOSE = "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n";

  @Test
  void neovimShowsTheDiagnosticsAndAppliesAQuickFix() throws Exception {
    assumeTrue(neovimInstalled(), "nvim not installed: the Neovim language server test is skipped");
    Path compose = dir.resolve("compose.yaml");
    Files.writeString(compose, COMPOSE, StandardCharsets.UTF_8);
    Path script = dir.resolve("neovim-test.lua");
    try (InputStream lua = NeovimTest.class.getResourceAsStream("neovim-test.lua")) {
      Files.write(script, lua.readAllBytes());
    }
    Path out = dir.resolve("result.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String server = String.join("\n", java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "lsp");

    ProcessBuilder nvim = new ProcessBuilder("nvim", "--headless", "--clean", "-n", "-u", script.toString())
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("nvim.log").toFile());
    nvim.environment().put("LASHING_LSP_CMD", server);
    nvim.environment().put("LASHING_FILE", compose.toString());
    nvim.environment().put("LASHING_RULE", "restart-policy");
    nvim.environment().put("LASHING_OUT", out.toString());
    Process process = nvim.start();
    boolean ended = process.waitFor(180, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
    }
    String log = Files.readString(dir.resolve("nvim.log"));
    assertThat(ended).as("nvim finished; its output: " + log).isTrue();
    List<String> result = Files.isRegularFile(out) ? Files.readAllLines(out) : List.of("no result; nvim said: " + log);

    assertThat(result).as("what nvim reported").contains("3:16:privileged", "1:2:restart-policy")
        .contains("resolved: " + CodeActions.FIX_ALL_TITLE)
        .anyMatch(line -> line.equals("applied: Fix: set restart to unless-stopped [restart-policy]"));
    assertThat(process.exitValue()).isZero();
    assertThat(Files.readString(compose)).isEqualTo(COMPOSE + "    restart: unless-stopped\n");
  }

  private static boolean neovimInstalled() {
    try {
      Process p = new ProcessBuilder("nvim", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      System.err.println("SKIPPED: nvim not installed (scripts/install-test-tools.sh installs it);"
          + " the Neovim language server test is skipped");
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
