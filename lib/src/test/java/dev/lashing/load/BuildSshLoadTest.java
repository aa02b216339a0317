package dev.lashing.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.model.Build;
import dev.lashing.model.KeyValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code build.ssh} is a {@code list_or_dict}: both forms load, pass the schema and bind to the same keys. */
class BuildSshLoadTest {
  @TempDir Path dir;

  private Build load(String ssh) throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    build:\n      context: .\n      ssh: "
        + ssh + "\n");
    LoadResult result = ProjectLoader.load(LoadOptions.of(dir, Map.of(), dir.resolve("compose.yaml")));
    assertThat(result.warnings()).isEmpty();
    return result.project().services().get("web").build();
  }

  @Test
  void theDefaultAgentAloneInListForm() throws IOException {
    assertThat(load("[default]").ssh()).containsOnlyKeys("default");
  }

  @Test
  void listAndMapFormsBindToTheSameKeys() throws IOException {
    Map<String, KeyValue> list = load("[\"default\", \"mykey=/path\"]").ssh();
    Map<String, KeyValue> map = load("{default: null, mykey: /path}").ssh();
    assertThat(list).containsOnlyKeys("default", "mykey");
    assertThat(map).containsOnlyKeys("default", "mykey");
    assertThat(list.get("mykey").text()).isEqualTo("/path").isEqualTo(map.get("mykey").text());
  }
}
