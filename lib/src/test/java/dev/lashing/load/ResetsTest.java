package dev.lashing.load;

import static dev.lashing.load.TreeFixtures.at;
import static dev.lashing.load.TreeFixtures.line;
import static dev.lashing.load.TreeFixtures.load;
import static dev.lashing.load.TreeFixtures.text;
import static dev.lashing.load.TreeFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.tree.MapNode;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class ResetsTest {
  private static final String BASE =
      """
      services:
        web:
          image: nginx
          network_mode: host
          ports: ['80:80', '443:443']
          command: [serve]
          environment: {FOO: a, BAR: b}
          build: {context: ., args: {V: 1, W: 2}}
          deploy: {resources: {limits: {memory: 1g, cpus: 2}}}
        db:
          image: postgres
      volumes:
        data: {}
      """;

  // ---- !reset ----

  @Test
  void resetRemovesAScalarAListAndAMapFromEarlierFiles() {
    MapNode model =
        load(
            BASE,
            """
            services:
              web:
                network_mode: !reset null
                ports: !reset []
                build: !reset {}
            """);
    MapNode web = (MapNode) at(model, "services.web");
    assertThat(web.keys()).containsExactly("image", "command", "environment", "deploy");
  }

  @Test
  void resetReachesAnyDepth() {
    MapNode model =
        load(
            BASE,
            """
            services:
              web:
                build: {args: {V: !reset null}}
                deploy: {resources: {limits: {memory: !reset ''}}}
              db: !reset
            volumes:
              data: !reset
            """);
    assertThat(text(model, "services.web.build")).isEqualTo("{context: ., args: {W: \"2\"}}");
    assertThat(text(model, "services.web.deploy")).isEqualTo("{resources: {limits: {cpus: 2}}}");
    assertThat(text(model, "services.db")).isEqualTo("<absent>");
    assertThat(text(model, "volumes")).isEqualTo("{}");
  }

  @Test
  void resetValuesAreRemovedFromTheFileItself() {
    MapNode file =
        yaml("patch.yaml", "services:\n  web:\n    image: nginx\n    ports: !reset ['8080:80']\n    x: [a, !reset b]\n");
    assertThat(TreeFixtures.render(Resets.collect(file).stripResets(file)))
        .isEqualTo("{services: {web: {image: nginx, x: [a]}}}");
  }

  // ---- !override ----

  @Test
  void overrideReplacesInsteadOfMerging() {
    MapNode model =
        load(
            BASE,
            """
            services:
              web:
                ports: !override ['127.0.0.1:8080:80']
                environment: !override {ONLY: x}
                deploy: {resources: !override {reservations: {memory: 1g}}}
                command: !override [other]
            """);
    assertThat(text(model, "services.web.ports"))
        .isEqualTo("[{mode: ingress, host_ip: 127.0.0.1, target: 80, published: \"8080\", protocol: tcp}]");
    assertThat(text(model, "services.web.environment")).isEqualTo("{ONLY: x}");
    assertThat(text(model, "services.web.deploy")).isEqualTo("{resources: {reservations: {memory: 1g}}}");
    assertThat(text(model, "services.web.command")).isEqualTo("[other]");
  }

  @Test
  void overriddenValueComesFromThePatch() {
    MapNode model = load(BASE, "services:\n  web:\n    ports: !override ['8080:80']\n");
    assertThat(line(at(model, "services.web.ports"))).isEqualTo("f2.yaml:3");
    assertThat(line(at(model, "services.web.ports.0"))).isEqualTo("f2.yaml:3");
  }

  @Test
  void aTaggedValueIsNotLookedInto() {
    MapNode file = yaml("p.yaml", "services:\n  web: !override\n    image: x\n    command: !reset y\n");
    assertThat(TreeFixtures.render(Resets.collect(file).stripResets(file)))
        .isEqualTo("{services: {web: {image: x, command: y}}}");
    MapNode model = load(BASE, "services:\n  web: !override\n    image: x\n    command: !reset y\n");
    assertThat(text(model, "services.web")).isEqualTo("{image: x, command: [y]}");
  }

  // ---- anchors and merge keys ----

  @Test
  void tagsReachedThroughAliasesAndMergeKeysAreHonoured() {
    MapNode model =
        load(
            BASE,
            """
            x-unpublish: &unpublish !reset []
            x-hardened: &hardened
              network_mode: !reset
            services:
              web:
                <<: *hardened
                ports: *unpublish
            """);
    assertThat(((MapNode) at(model, "services.web")).keys())
        .containsExactly("image", "command", "environment", "build", "deploy");
    assertThat(model.has("x-unpublish")).isFalse();
  }

  // ---- extends ----

  @Test
  void resetsApplyToTheBaseOfAnExtends() {
    MapNode raw =
        yaml(
            "c.yaml",
            """
            services:
              base: {image: app, ports: ['80:80'], command: [a]}
              web:
                extends: base
                ports: !reset []
                command: !override [b]
            """);
    Resets resets = Resets.collect(raw);
    MapNode file = Canonicalizer.canonicalize(resets.stripResets(raw), new ArrayList<>(), ExpansionBudget.inOrder());
    MapNode base = resets.applyToService("web", (MapNode) at(file, "services.base"));
    MapNode web = Merger.mergeService(base, ((MapNode) at(file, "services.web")).without("extends"));
    assertThat(TreeFixtures.render(web)).isEqualTo("{image: app, command: [b]}");
  }

  // ---- the limits Compose has ----

  @Test
  void aListElementCannotBeResetInEarlierFiles() {
    MapNode model = load(BASE, "services:\n  web:\n    ports:\n      - !reset '80:80'\n      - '8080:8080'\n");
    assertThat(text(model, "services.web.ports"))
        .isEqualTo(
            "[{mode: ingress, target: 80, published: \"80\", protocol: tcp},"
                + " {mode: ingress, target: 443, published: \"443\", protocol: tcp},"
                + " {mode: ingress, target: 8080, published: \"8080\", protocol: tcp}]");
  }

  @Test
  void perKeyResetReachesAnEnvironmentWrittenAsAMap() {
    MapNode model = load(BASE, "services:\n  web:\n    environment: {FOO: !reset null}\n");
    assertThat(text(model, "services.web.environment")).isEqualTo("{BAR: b}");
  }

  @Test
  void perKeyResetDoesNotReachAnEnvironmentWrittenAsAList() {
    MapNode model =
        load(
            "services:\n  web:\n    environment: [FOO=a, BAR=b]\n",
            "services:\n  web:\n    environment: {FOO: !reset null}\n");
    assertThat(text(model, "services.web.environment")).isEqualTo("{FOO: a, BAR: b}");
  }

  @Test
  void perKeyResetDoesNotReachAnEnvironmentAlreadyMerged() {
    MapNode model =
        load(
            "services:\n  web:\n    environment: {FOO: a}\n",
            "services:\n  web:\n    environment: {BAR: b}\n",
            "services:\n  web:\n    environment: {FOO: !reset null}\n");
    assertThat(text(model, "services.web.environment")).isEqualTo("{FOO: a, BAR: b}");
    MapNode overridden =
        load(
            "services:\n  web:\n    environment: [FOO=a]\n",
            "services:\n  web:\n    environment: !override {BAR: b}\n");
    assertThat(text(overridden, "services.web.environment")).isEqualTo("{BAR: b}");
  }

  @Test
  void aStarKeyMatchesAnyKeyAsInComposePaths() {
    MapNode model = load(BASE, "services:\n  web:\n    build:\n      args: {\"*\": !reset null}\n");
    assertThat(text(model, "services.web.build.args")).isEqualTo("{}");
  }
}
