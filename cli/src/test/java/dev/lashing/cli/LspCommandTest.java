package dev.lashing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LspCommandTest {
  private static String framed(String... messages) {
    StringBuilder out = new StringBuilder();
    for (String json : messages) {
      out.append("Content-Length: ").append(json.getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n")
          .append(json);
    }
    return out.toString();
  }

  private static int serve(String input, ByteArrayOutputStream output) {
    return new LspCommand(new PrintWriter(new StringWriter()), Map.of()).run(new String[0],
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), output);
  }

  @Test
  void answersOverStandardStreamsAndExitsZeroAfterShutdown() {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int code = serve(framed(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}",
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}"), output);

    assertThat(code).isZero();
    String replies = output.toString(StandardCharsets.UTF_8);
    assertThat(replies).startsWith("Content-Length: ").contains("\"codeActionProvider\"")
        .contains("\"hoverProvider\":true").contains("\"name\":\"lashing\"");
  }

  @Test
  void anEditorThatGoesAwayWithoutShutdownEndsTheServerWithOne() {
    assertThat(serve("", new ByteArrayOutputStream())).isEqualTo(1);
  }

  @Test
  void helpAndUsage() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Cli cli = new Cli(new PrintWriter(out), new PrintWriter(err), Map.of(), java.nio.file.Path.of("."));
    assertThat(cli.run("lsp", "--help")).isEqualTo(Cli.OK);
    assertThat(out.toString()).contains("lashing lsp");
    assertThat(cli.run("lsp", "extra")).isEqualTo(Cli.INVALID);
    assertThat(err.toString()).contains("lsp takes no arguments");
    assertThat(cli.run("help")).isEqualTo(Cli.OK);
    assertThat(out.toString()).contains("lsp       run the language server");
  }
}
