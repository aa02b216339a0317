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

  private StringWriter err = new StringWriter();

  private int serve(String input, ByteArrayOutputStream output) {
    err = new StringWriter();
    return new LspCommand(new PrintWriter(new StringWriter()), new PrintWriter(err), Map.of()).run(new String[0],
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), output);
  }

  /**
   * A malformed message from the editor is logged as one line on standard error (the editor's log), never as a
   * stack trace, and the server goes on reading.
   */
  @Test
  void aMalformedMessageIsOneLineInTheLogNotAStackTrace() {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int code = serve("garbage\r\n\r\n" + "Content-Length: 6\r\n\r\n{\"a\":}" + framed(
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":null}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}"), output);
    assertThat(code).isZero();
    assertThat(output.toString(StandardCharsets.UTF_8)).contains("\"name\":\"lashing\"");
    assertThat(err.toString().lines()).hasSizeGreaterThanOrEqualTo(3)
        .allMatch(line -> line.startsWith("lashing lsp: "), "one line each, ours")
        .anyMatch(line -> line.contains("Missing header Content-Length"))
        .anyMatch(line -> line.contains("Unmatched response"));
    assertThat(err.toString()).doesNotContain("\tat ").doesNotContain("Exception:\n");
  }

  /**
   * An editor may cancel a request whose answer is already on its way, or arrived: that is normal traffic, and the
   * editor's log is left quiet.
   */
  @Test
  void aCancelOfARequestAlreadyAnsweredIsNotLogged() {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int code = serve(framed(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":1}}",
        "{\"jsonrpc\":\"2.0\",\"id\":\"two\",\"method\":\"shutdown\"}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":\"two\"}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}"), output);

    assertThat(code).isZero();
    assertThat(output.toString(StandardCharsets.UTF_8)).contains("\"name\":\"lashing\"");
    assertThat(err.toString()).isEmpty();
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
