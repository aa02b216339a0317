package dev.lashing.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Fix;
import dev.lashing.load.LoadOptions;
import dev.lashing.load.LoadResult;
import dev.lashing.load.ProjectLoader;
import dev.lashing.render.ConfigWriter;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of fix change, turned into an override, merged over the file by Lashing's own loader: the merged
 * model must be what the change asked for.
 */
class PatchBuilderTest {
  @TempDir Path dir;
  private String patchText;

  private LoadResult load(String compose) throws IOException {
    Files.writeString(dir.resolve("compose.yaml"), compose);
    return ProjectLoader.load(LoadOptions.of(dir, Map.of("WEB_PORT", "8080"), dir.resolve("compose.yaml")));
  }

  /** The model of {@code compose} with the edits applied through a patch. */
  private MapNode patched(String compose, PatchEdits.Edit... edits) throws IOException {
    LoadResult before = load(compose);
    PatchBuilder builder = new PatchBuilder();
    Templates templates = new Templates(before.sources(), Map.of("WEB_PORT", "8080"));
    builder.apply(PatchEdits.edits(List.of()), before.tree(), templates);
    List<PatchEdits.Edit> all = new ArrayList<>();
    for (PatchEdits.Edit e : edits) {
      all.add(e);
    }
    builder.apply(rewrite(all), before.tree(), templates);
    patchText = PatchEmitter.write(List.of(), builder.root());
    Files.writeString(dir.resolve("patch.yml"), patchText);
    LoadResult after = ProjectLoader.load(LoadOptions.of(dir, Map.of("WEB_PORT", "8080"), dir.resolve("compose.yaml"),
        dir.resolve("patch.yml")));
    return (MapNode) ((MapNode) after.tree().get("services")).get("web");
  }

  /** The restart rewrite is part of turning findings into edits; tests call it the same way. */
  private static List<PatchEdits.Edit> rewrite(List<PatchEdits.Edit> edits) {
    List<PatchEdits.Edit> out = new ArrayList<>();
    for (PatchEdits.Edit e : edits) {
      out.addAll(PatchEdits.rewriteForTest(e));
    }
    return out;
  }

  private static PatchEdits.Edit edit(Fix.Change change) {
    return new PatchEdits.Edit("test-rule", change);
  }

  private static List<String> path(String... keys) {
    List<String> p = new ArrayList<>(List.of("services", "web"));
    p.addAll(List.of(keys));
    return p;
  }

  private static String yaml(Node node) {
    MapNode wrapper = MapNode.empty(node.origin()).with("x", node);
    return ConfigWriter.yaml(wrapper);
  }

  @Test
  void aSetMergesAsItIs() throws IOException {
    MapNode web = patched("services: {web: {image: nginx:1.27}}\n",
        edit(new Fix.Set(path("deploy", "resources", "limits", "memory"), "512m")),
        edit(new Fix.Set(path("restart"), "no")));
    assertThat(patchText).contains("restart: \"no\"").doesNotContain("!");
    assertThat(yaml(web.get("deploy"))).contains("memory: 512m");
    assertThat(yaml(web.get("restart"))).contains("no");
  }

  /** A limit the rules raised to the service's reservation says so beside it in the patch; another limit does not. */
  @Test
  void aLimitThatIsTheReservationSaysSo() throws IOException {
    String note = "raised to its reservation: a limit is never below it";
    LoadResult deployed = load("""
        services:
          web:
            image: nginx:1.27
            deploy:
              resources:
                reservations: {memory: 4G, cpus: "4"}
        """);
    List<PatchEdits.Edit> edits = PatchEdits.withReservationNotes(List.of(
        edit(new Fix.Set(path("deploy", "resources", "limits", "memory"), "4g")),
        edit(new Fix.Set(path("deploy", "resources", "limits", "cpus"), 4.0)),
        edit(new Fix.Set(path("deploy", "resources", "limits", "pids"), 200))), deployed.project());
    assertThat(edits).extracting(PatchEdits.Edit::note).containsExactly(note, note, null);
    LoadResult legacy = load("services: {web: {image: nginx:1.27, mem_reservation: 4g, cpu_shares: 512}}\n");
    edits = PatchEdits.withReservationNotes(List.of(
        edit(new Fix.Set(path("deploy", "resources", "limits", "memory"), "4g")),
        edit(new Fix.Set(path("mem_limit"), "4g")),
        edit(new Fix.Set(path("deploy", "resources", "limits", "cpus"), 1.0))), legacy.project());
    assertThat(edits).extracting(PatchEdits.Edit::note).containsExactly(note, note, null);
  }

  @Test
  void anAppendAddsTheItemAloneAndNeverTwice() throws IOException {
    MapNode web = patched("""
        services:
          web:
            image: nginx:1.27
            security_opt: ["label=disable", "no-new-privileges:true"]
        """,
        edit(new Fix.Append(path("security_opt"), "no-new-privileges:true")),
        edit(new Fix.Append(path("cap_drop"), "ALL")));
    assertThat(patchText).doesNotContain("security_opt");
    assertThat(yaml(web.get("security_opt"))).containsOnlyOnce("no-new-privileges:true");
    assertThat(yaml(web.get("cap_drop"))).contains("ALL");
  }

  @Test
  void removingEveryPortIsAReset() throws IOException {
    MapNode web = patched("""
        services:
          web:
            image: nginx:1.27
            ports: ["80:80", "443:443"]
        """,
        edit(new Fix.RemoveItem(path("ports"), 1)),
        edit(new Fix.RemoveItem(path("ports"), 0)));
    assertThat(patchText).contains("ports: !reset []");
    assertThat(web.get("ports")).isNull();
  }

  @Test
  void replacingAPortOverridesTheListAndKeepsTheTemplate() throws IOException {
    Map<String, Object> rebound = new LinkedHashMap<>();
    rebound.put("mode", "ingress");
    rebound.put("host_ip", "127.0.0.1");
    rebound.put("target", 80L);
    rebound.put("published", "8080");
    rebound.put("protocol", "tcp");
    MapNode web = patched("""
        services:
          web:
            image: nginx:1.27
            ports: ["${WEB_PORT:-80}:80", "127.0.0.1:9000:9000"]
        """,
        edit(new Fix.ReplaceItem(path("ports"), 0, rebound)));
    assertThat(patchText).contains("ports: !override [\"127.0.0.1:${WEB_PORT:-80}:80\", \"127.0.0.1:9000:9000\"]");
    String ports = yaml(web.get("ports"));
    assertThat(ports).contains("host_ip: 127.0.0.1").doesNotContain("host_ip: 0.0.0.0");
    assertThat(ports.split("host_ip", -1)).hasSize(3);
  }

  @Test
  void aRangeReboundPortByPortIsWrittenAsRangesAgain() throws IOException {
    // Compose lists a range's ports sorted as text: 10, 11, 8, 9; rebound, they are the range again
    List<PatchEdits.Edit> edits = new ArrayList<>();
    long[] targets = {10, 11, 8, 9};
    for (int i = 0; i < targets.length; i++) {
      Map<String, Object> rebound = new LinkedHashMap<>();
      rebound.put("mode", "ingress");
      rebound.put("host_ip", "127.0.0.1");
      rebound.put("target", targets[i]);
      rebound.put("published", Long.toString(targets[i]));
      rebound.put("protocol", "udp");
      edits.add(edit(new Fix.ReplaceItem(path("ports"), i, rebound)));
    }
    MapNode web = patched("""
        services:
          web:
            image: nginx:1.27
            ports: ["8-11:8-11/udp", "3000:3000", "3001:3001"]
        """, edits.toArray(PatchEdits.Edit[]::new));
    assertThat(patchText)
        .contains("ports: !override [\"127.0.0.1:8-11:8-11/udp\", \"3000:3000\", \"3001:3001\"]");
    String ports = yaml(web.get("ports"));
    assertThat(ports.split("host_ip: 127.0.0.1", -1)).hasSize(5);
    assertThat(ports).contains("target: 3001").doesNotContain("host_ip: 0.0.0.0");
  }

  @Test
  void bindingsKeptInAnOverriddenListKeepTheirTemplates() throws IOException {
    patched("""
        services:
          web:
            image: nginx:1.27
            ports: ["80:80", "${WEB_PORT:-8443}:443"]
        """,
        edit(new Fix.RemoveItem(path("ports"), 0)));
    assertThat(patchText).contains("ports: !override [\"${WEB_PORT:-8443}:443\"]");
  }

  @Test
  void removingAKeyIsAReset() throws IOException {
    MapNode web = patched("""
        services:
          web:
            image: nginx:1.27
            network_mode: bridge
        """,
        edit(new Fix.Remove(path("network_mode"))),
        edit(new Fix.Set(path("networks"), List.of("app_network"))),
        edit(new Fix.Set(List.of("networks", "app_network"), Map.of())));
    assertThat(patchText).contains("network_mode: !reset null").contains("networks: [app_network]");
    assertThat(web.get("network_mode")).isNull();
    assertThat(((MapNode) web.get("networks")).keys()).containsExactly("app_network");
  }

  @Test
  void aRestartFixOnTheDeployPolicyBecomesRestart() throws IOException {
    MapNode web = patched("""
        services:
          web:
            image: nginx:1.27
            restart: always
            deploy:
              replicas: 2
              restart_policy: {condition: on-failure}
        """,
        edit(new Fix.Set(path("deploy", "restart_policy", "max_attempts"), 5L)));
    assertThat(patchText).contains("restart: on-failure:5").contains("restart_policy: !reset {}");
    assertThat(((MapNode) web.get("deploy")).has("restart_policy")).isFalse();
    assertThat(((MapNode) web.get("deploy")).has("replicas")).isTrue();
    assertThat(yaml(web.get("restart"))).contains("on-failure:5");
  }

  @Test
  void aSetInsideAListItemOverridesThatList() throws IOException {
    MapNode web = patched("""
        services:
          web:
            image: nginx:1.27
            post_start:
              - command: ["chown", "-R", "app", "/data"]
                privileged: true
        """,
        edit(new Fix.Set(path("post_start", "[0]", "privileged"), false)));
    assertThat(patchText).contains("post_start: !override");
    assertThat(yaml(web.get("post_start"))).contains("privileged: false").contains("chown");
  }

  @Test
  void aListSetOverAWrittenListIsAnOverride() throws IOException {
    MapNode web = patched("""
        services:
          web:
            image: nginx:1.27
            cap_drop: [NET_RAW]
        """,
        edit(new Fix.Set(path("cap_drop"), List.of("ALL"))));
    assertThat(patchText).contains("cap_drop: !override [ALL]");
    assertThat(yaml(web.get("cap_drop"))).contains("ALL").doesNotContain("NET_RAW");
  }
}
