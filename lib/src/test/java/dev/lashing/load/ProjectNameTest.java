package dev.lashing.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.source.Diagnostic;
import dev.lashing.source.SourceRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectNameTest {
  @ParameterizedTest
  @CsvSource({
      "my-app, my-app",
      "My App, myapp",
      "__-My.App_2, myapp_2",
      "café-stack, caf-stack",
      "-_x-_, x-_",
      "Plane.Self-Host, planeself-host",
  })
  void aNameFromAFileOrADirectoryIsNormalizedAsComposeDoes(String written, String expected) {
    List<Diagnostic> problems = new ArrayList<>();

    assertThat(ProjectName.lenient(written, SourceRange.synthetic("name"), problems)).isEqualTo(expected);
    assertThat(problems).isEmpty();
  }

  @Test
  void aNameWithNothingLeftIsAProblem() {
    List<Diagnostic> problems = new ArrayList<>();

    assertThat(ProjectName.lenient("__.--", SourceRange.synthetic("name"), problems)).isEmpty();
    assertThat(problems).extracting(Diagnostic::message).containsExactly("project name must not be empty");
  }

  @ParameterizedTest
  @CsvSource({
      "/srv/data, /srv/data",
      "C:/data, C:/data",
      "c:\\data, c:\\data",
      "\\\\host\\share, \\\\host\\share",
      "./data, /project/data",
      "C:data, /project/C:data",
      "1:/data, /project/1:/data",
  })
  void aPathIsMadeAbsoluteUnlessItAlreadyIs(String written, String expected) {
    assertThat(PathResolver.absolute(written, Path.of("/project"))).isEqualTo(expected);
  }
}
