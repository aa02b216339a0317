package dev.lashing.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lashing.source.ComposeException;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import dev.lashing.source.Via;
import dev.lashing.testing.AliasBomb;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YamlReaderTest {

  private static MapNode root(String yaml) {
    List<Node> docs = YamlReader.read(new SourceFile("compose.yaml", yaml));
    return (MapNode) docs.get(0);
  }

  private static ScalarNode scalar(MapNode map, String... path) {
    Node node = map;
    for (String key : path) {
      node = ((MapNode) node).get(key);
    }
    return (ScalarNode) node;
  }

  /** The items of the sequence at {@code key}, each a scalar's value or the kind of a collection. */
  private static List<String> items(MapNode map, String key) {
    return ((SeqNode) map.get(key)).items().stream()
        .map(item -> item instanceof ScalarNode scalar ? scalar.value() : item.kindName())
        .toList();
  }

  private static String errorOf(String yaml) {
    try {
      YamlReader.read(new SourceFile("compose.yaml", yaml));
    } catch (ComposeException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected an error for:\n" + yaml);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no | STRING", "yes | STRING", "on | STRING", "off | STRING", "22:22 | STRING",
        "true | BOOL", "False | BOOL", "~ | NULL", "null | NULL", "\"\" | STRING",
        "0440 | INT", "0x1F | INT", "0o17 | INT", "12 | INT", "-3 | INT", "1.5 | FLOAT", ".inf | FLOAT",
        "1e3 | FLOAT", "\"12\" | STRING", "!!str 12 | STRING", "1_000 | INT", "0.5g | STRING"
      })
  void resolvesScalarsLikeComposeV2(String written, ScalarNode.Type type) {
    assertThat(scalar(root("v: " + written + "\n"), "v").type()).isEqualTo(type);
  }

  @Test
  void aDocumentThatNamesAYamlVersionOtherThanOneOneIsRefusedAsComposeRefusesIt() {
    assertThat(root("%YAML 1.1\n---\nservices: {}\n").get("services")).isInstanceOf(MapNode.class);
    for (String version : List.of("1.2", "1.3", "2.0")) {
      String yaml = "# my stack\n%YAML " + version + "   # a comment\n---\nservices: {}\n";
      assertThat(errorOf(yaml)).isEqualTo("compose.yaml:2:1: invalid YAML: found incompatible YAML document (%YAML "
          + version + "; Compose reads only documents that name no version or 1.1)");
    }
  }

  /** go-yaml ends a document at a directive (YAML 1.2 wants "..." first) and refuses a directive it does not know. */
  @Test
  void aDirectiveEndsTheDocumentBeforeItAndOnlyYamlAndTagAreKnown() {
    List<Node> docs =
        YamlReader.read(new SourceFile("c.yaml", "a: 1\n%YAML 1.1\n---\nb: 2\n%TAG !e! tag:e,1:\n---\nc: 3\n"));
    assertThat(docs).hasSize(3);
    assertThat(scalar((MapNode) docs.get(2), "c").value()).isEqualTo("3");
    assertThat(YamlReader.read(new SourceFile("c.yaml", "a: 1\n...\n%YAML 1.1\n---\nb: 2\n"))).hasSize(2);
    assertThat(errorOf("a: 1\n%YAML 1.2\n---\nb: 2\n")).startsWith("compose.yaml:2:1: invalid YAML: found incompat");
    assertThat(errorOf("a: 1\n%YAML 1.1\n")).startsWith("compose.yaml:3:1: invalid YAML: expected '<document start>'");
    assertThat(errorOf("%FOO bar\n---\na: 1\n")).isEqualTo("compose.yaml:1:1: invalid YAML: found unknown directive"
        + " name %FOO; Compose's YAML reader knows only %YAML and %TAG");
  }

  @Test
  void aTextWrittenManyTimesIsKeptOnceWhileEachPlaceKeepsItsOwnPosition() {
    MapNode services = (MapNode) root("services:\n  a: {image: nginx:1.27}\n  b: {image: 'nginx:1.27'}\n").get("services");
    ScalarNode a = scalar(services, "a", "image");
    ScalarNode b = scalar(services, "b", "image");

    assertThat(b.value()).isSameAs(a.value());
    assertThat(a.style()).isEqualTo(ScalarNode.Style.PLAIN);
    assertThat(b.style()).isEqualTo(ScalarNode.Style.SINGLE_QUOTED);
    assertThat(b.origin().at().line()).isEqualTo(3);
  }

  @Test
  void legacyOctalIsReadAsGoYamlDoes() {
    assertThat(scalar(root("mode: 0440\n"), "mode").asLong()).contains(288L);
    assertThat(scalar(root("mode: 0440\n"), "mode").text()).isEqualTo("288");
  }

  @Test
  void positionsAreExactWithBomCrlfAndNonBmpCharacters() {
    String text = "\uFEFFx: \"\uD83D\uDE00\"\r\nservices:\r\n  web:\r\n    image: nginx\r\n";
    MapNode root = root(text);
    SourceRange image = scalar(root, "services", "web", "image").origin().at();
    assertThat(image.line()).isEqualTo(4);
    assertThat(image.column()).isEqualTo(12);
    assertThat(text.substring(image.startOffset(), image.endOffset())).isEqualTo("nginx");
    SourceRange emoji = scalar(root, "x").origin().at();
    assertThat(text.substring(emoji.startOffset(), emoji.endOffset())).isEqualTo("\"\uD83D\uDE00\"");
  }

  /**
   * A value's range starts at the value itself, after its anchor and tag in either order and whatever separates
   * them from it: blanks, a line break, comments. Each case is {@code key: <properties><between><value>}.
   */
  @Test
  void aValueStartsAfterItsPropertiesAndTheCommentsBetweenThem() {
    List<String> betweens = List.of(" ", "\n  ", " # note\n  ", " # note\n  # more\n\n  ");
    List<String> values = List.of("value", "'quoted'", "|\n  literal", "x: 1", "{x: 1}", "- 1", "[1]");
    for (String value : values) {
      String tag = value.startsWith("x") || value.startsWith("{") ? "!!map"
          : value.startsWith("-") || value.startsWith("[") ? "!!seq" : "!!str";
      for (String properties : List.of("&a", tag, "&a " + tag, tag + " &a", "&a # note\n  " + tag)) {
        for (String between : betweens) {
          if (between.equals(" ") && (value.equals("x: 1") || value.equals("- 1"))) {
            continue; // a block mapping or sequence starts on a line of its own
          }
          String yaml = "key: " + properties + between + value + "\nnext: 1\n";
          SourceRange at = root(yaml).get("key").origin().at();
          assertThat(yaml.substring(at.startOffset(), at.endOffset())).as(yaml).isEqualTo(value);
        }
      }
    }
  }

  @Test
  void aValueInAFlowCollectionStartsAfterItsPropertiesAndTheCommentsBetweenThem() {
    String yaml = "key: [&a # note\n  x, !!str # note\n  'y', !!map &m\n  {z: 1}]\n";
    List<String> items = ((SeqNode) root(yaml).get("key")).items().stream()
        .map(item -> yaml.substring(item.origin().at().startOffset(), item.origin().at().endOffset())).toList();
    assertThat(items).containsExactly("x", "'y'", "{z: 1}");
  }

  @Test
  void anEmptyValueWithPropertiesSitsRightAfterThemThoughACommentFollows() {
    String yaml = "a: &a !!str # note\nb: !reset # note\n\nc: 1\n";
    MapNode root = root(yaml);
    assertThat(root.get("a").origin().at().startOffset()).isEqualTo(yaml.indexOf(" # note"));
    assertThat(root.get("b").origin().at().startOffset()).isEqualTo(yaml.indexOf("!reset") + "!reset".length());
  }

  @Test
  void keysKeepTheirOwnPositions() {
    MapNode web = (MapNode) ((MapNode) root("services:\n  web:\n    image: x\n").get("services")).get("web");
    SourceRange key = web.entry("image").key().origin().at();
    assertThat(key.line()).isEqualTo(3);
    assertThat(key.column()).isEqualTo(5);
  }

  @Test
  void mergeKeysKeepDefinitionAndUse() {
    String yaml =
        """
        x-base: &base
          restart: always
          image: base
        x-more: &more
          restart: "no"
          user: app
        services:
          web:
            <<: [*base, *more]
            image: web
        """;
    MapNode web = (MapNode) ((MapNode) root(yaml).get("services")).get("web");
    assertThat(web.keys()).containsExactly("restart", "user", "image");
    ScalarNode restart = (ScalarNode) web.get("restart");
    assertThat(restart.value()).isEqualTo("always"); // the first merged mapping wins
    assertThat(restart.origin().at().line()).isEqualTo(2);
    assertThat(restart.origin().via()).singleElement().satisfies(v -> {
      assertThat(v.kind()).isEqualTo(Via.Kind.MERGE_KEY);
      assertThat(v.at().line()).isEqualTo(9);
      assertThat(v.at().column()).isEqualTo(10);
    });
    assertThat(((ScalarNode) web.get("image")).value()).isEqualTo("web");
  }

  /**
   * go-yaml merges at a {@code <<} that is plain and untagged (or tagged {@code !} or {@code !!merge}); tagged
   * otherwise or quoted it is a key like another. Lashing merged at {@code !!str <<}, a value Compose does not read.
   */
  @Test
  void onlyAnUntaggedOrMergeTaggedKeyMerges() {
    String anchor = "x: &c {a: 1}\ny:\n  ";
    assertThat(((MapNode) root(anchor + "!!str <<: *c\n").get("y")).keys()).containsExactly("<<");
    assertThat(((MapNode) root(anchor + "'<<': *c\n").get("y")).keys()).containsExactly("<<");
    assertThat(((MapNode) root(anchor + "!!merge '<<': *c\n").get("y")).keys()).containsExactly("a");
    assertThat(((MapNode) root(anchor + "! <<: *c\n").get("y")).keys()).containsExactly("a");
    assertThat(errorOf(anchor + "!!str <<: *c\n  <<: *c\n"))
        .isEqualTo("compose.yaml:4:3: mapping key \"<<\" already defined at line 3");
  }

  @Test
  void aliasesRecordWhereTheyAreUsed() {
    MapNode root = root("x-env: &env {A: '1'}\nservices:\n  web:\n    environment: *env\n");
    MapNode env = (MapNode) ((MapNode) ((MapNode) root.get("services")).get("web")).get("environment");
    assertThat(env.origin().at().line()).isEqualTo(1);
    assertThat(env.origin().via()).extracting(Via::kind).containsExactly(Via.Kind.ALIAS);
    assertThat(env.origin().usedAt().line()).isEqualTo(4);
    assertThat(env.get("A").origin().usedAt().line()).isEqualTo(4);
  }

  @Test
  void mergeTagsAreKept() {
    MapNode web = (MapNode) ((MapNode) root("services:\n  web:\n    ports: !reset []\n    cap_add: !override [ALL]\n").get("services")).get("web");
    assertThat(web.get("ports").tag()).isEqualTo(Node.MergeTag.RESET);
    assertThat(web.get("cap_add").tag()).isEqualTo(Node.MergeTag.OVERRIDE);
    assertThat(web.get("ports").origin().at().column()).isEqualTo(19);
    // a scalar under one is a string, as go-yaml reads a scalar under a tag it does not know (12 was an integer here)
    MapNode scalars = root("a: !override 12\nb: !reset .nan\n");
    assertThat(scalar(scalars, "a").type()).isEqualTo(ScalarNode.Type.STRING);
    assertThat(scalar(scalars, "a").tag()).isEqualTo(Node.MergeTag.OVERRIDE);
    assertThat(scalar(scalars, "b").type()).isEqualTo(ScalarNode.Type.STRING);
  }

  @Test
  void duplicateKeysAreErrorsAtTheSecondKey() {
    assertThat(errorOf("services:\n  web:\n    user: root\n    user: app\n"))
        .isEqualTo("compose.yaml:4:5: mapping key \"user\" already defined at line 3");
  }

  @Test
  void duplicateKeysAreFoundInLargeMappingsAndAmongMergeKeys() {
    StringBuilder labels = new StringBuilder("x:\n");
    for (int i = 0; i < 40; i++) {
      labels.append("  l").append(i).append(": v\n"); // lines 2 to 41
    }
    assertThat(errorOf(labels + "  l7: again\n"))
        .isEqualTo("compose.yaml:42:3: mapping key \"l7\" already defined at line 9");
    assertThat(errorOf("a: &a {k: v}\nb:\n  <<: *a\n  \"<<\": x\n"))
        .isEqualTo("compose.yaml:4:3: mapping key \"<<\" already defined at line 3");
  }

  /**
   * The loader's reading: a key written twice does not stop it. Each duplicate is recorded at its second key, the
   * mapping keeps the first value, and the reading goes on to the end of the file.
   */
  @Test
  void everyDuplicateKeyIsRecordedAndTheFirstValueKept() {
    ParsedYaml parsed = YamlReader.parse(new SourceFile("compose.yaml", """
        services:
          web:
            user: root
            user: app
            image: a
            image: b
          web:
            image: c
        x-a: &a {k: v, k: w}
        x-b:
          <<: *a
          k: own
          k: again
        """));
    assertThat(parsed.errors()).extracting(Object::toString).containsExactly(
        "compose.yaml:4:5: mapping key \"user\" already defined at line 3",
        "compose.yaml:6:5: mapping key \"image\" already defined at line 5",
        "compose.yaml:7:3: mapping key \"web\" already defined at line 2",
        "compose.yaml:9:16: mapping key \"k\" already defined at line 9",
        "compose.yaml:13:3: mapping key \"k\" already defined at line 12");
    MapNode root = (MapNode) parsed.documents().get(0);
    assertThat(((MapNode) root.get("services")).entries()).hasSize(1);
    assertThat(scalar(root, "services", "web", "user").value()).isEqualTo("root");
    assertThat(scalar(root, "services", "web", "image").value()).isEqualTo("a");
    assertThat(((MapNode) root.get("services")).get("web")).isInstanceOf(MapNode.class)
        .satisfies(web -> assertThat(((MapNode) web).entries()).hasSize(2));
    assertThat(scalar(root, "x-a", "k").value()).isEqualTo("v");
    // the merged k is overridden by the mapping's own, which is no duplicate; its second one is
    assertThat(scalar(root, "x-b", "k").value()).isEqualTo("own");
    assertThat(((MapNode) root.get("x-b")).entries()).hasSize(1);
    // the other readers (.lashing.yml, baselines, inventories) still refuse the file, with every duplicate
    assertThatThrownBy(() -> YamlReader.read(parsed.source())).isInstanceOf(ComposeException.class)
        .satisfies(e -> assertThat(((ComposeException) e).diagnostics()).hasSize(5));
  }

  /**
   * A loader walking the services while the file is read is told of each service once: not of a duplicate, nor
   * of an entry left out for its key or its value.
   */
  @Test
  void aWatcherIsNotToldOfADuplicateEntryNorOfOneLeftOut() {
    List<String> told = new java.util.ArrayList<>();
    YamlReader.parse(new SourceFile("compose.yaml", "services:\n  web: {image: a}\n  db: {image: b}\n"
        + "  web: {image: c}\n  1: {image: e}\n  !!int x: {image: f}\n  tmp: !!int x\n  api: {image: d}\n"),
        new YamlReader.Watcher() {
          @Override
          public String key() {
            return "services";
          }

          @Override
          public void entryRead(int document, MapNode.Entry entry) {
            told.add(entry.name() + "=" + ((ScalarNode) ((MapNode) entry.value()).get("image")).value());
          }

          @Override
          public void documentRead(int document) {}

          @Override
          public void parsedAhead() {}

          @Override
          public boolean workWhileWaiting() {
            return false;
          }

          @Override
          public void fileRead() {}
        });
    assertThat(told).containsExactly("web=a", "db=b", "api=d");
  }

  @Test
  void nonStringKeysAreErrors() {
    assertThat(errorOf("services:\n  web:\n    labels:\n      1: x\n"))
        .isEqualTo("compose.yaml:4:7: non-string key in services.web.labels: 1");
  }

  /**
   * The loader's reading: a key go-yaml does not read as a string, which compose-go refuses ("non-string key in
   * services.web.labels: 1.5", naming the key as Go prints what go-yaml read), does not stop it. Each is recorded
   * at the key, its entry is left out, and the reading goes on. A key go-yaml reads as a string stays.
   */
  @Test
  void everyNonStringKeyIsRecordedAtTheKeyAndItsEntryLeftOut() {
    ParsedYaml parsed = YamlReader.parse(new SourceFile("compose.yaml", """
        123:
          image: busybox
        x-seq: &seq [a, b]
        services:
          web:
            labels:
              1.50: float
              true: bool
              ~: null
              0x1F: hex
              2001-12-14: date
              ? [a, b]
              : sequence
              {k: v}: mapping
              *seq : alias
              ok: kept
              "1": quoted
              !!str 2: tagged
              !foo 3: unknown tag
              !!binary aGVsbG8=: binary
              2001-02-30: no such day
            image: nginx
        networks:
          default:
            ipam:
              config:
                - 123: oh dear
                  subnet: 10.0.0.0/24
        """));
    assertThat(parsed.errors()).extracting(Object::toString).containsExactly(
        "compose.yaml:1:1: non-string key at top level: 123",
        "compose.yaml:7:7: non-string key in services.web.labels: 1.5",
        "compose.yaml:8:7: non-string key in services.web.labels: true",
        "compose.yaml:9:7: non-string key in services.web.labels: <nil>",
        "compose.yaml:10:7: non-string key in services.web.labels: 31",
        "compose.yaml:11:7: non-string key in services.web.labels: 2001-12-14",
        "compose.yaml:12:9: non-string key in services.web.labels: sequence",
        "compose.yaml:14:7: non-string key in services.web.labels: mapping",
        "compose.yaml:15:7: non-string key in services.web.labels: sequence",
        "compose.yaml:27:11: non-string key in networks.default.ipam.config[0]: 123");
    MapNode root = (MapNode) parsed.documents().get(0);
    assertThat(root.entries()).extracting(MapNode.Entry::name).containsExactly("x-seq", "services", "networks");
    MapNode labels = (MapNode) ((MapNode) ((MapNode) root.get("services")).get("web")).get("labels");
    assertThat(labels.entries()).extracting(e -> e.name() + "=" + ((ScalarNode) e.value()).value()).containsExactly(
        "ok=kept", "1=quoted", "2=tagged", "3=unknown tag", "hello=binary", "2001-02-30=no such day");
    assertThat(scalar(root, "services", "web", "image").value()).isEqualTo("nginx");
    SeqNode config = (SeqNode) ((MapNode) ((MapNode) ((MapNode) root.get("networks")).get("default")).get("ipam"))
        .get("config");
    assertThat(((MapNode) config.get(0)).entries()).extracting(MapNode.Entry::name).containsExactly("subnet");
    assertThatThrownBy(() -> YamlReader.read(parsed.source())).isInstanceOf(ComposeException.class)
        .satisfies(e -> assertThat(((ComposeException) e).diagnostics()).hasSize(10));
  }

  /**
   * go-yaml reads a scalar tagged with a tag it does not know ({@code !foo}, {@code !!set}) as a string, and a
   * collection whatever its tag; {@code !} alone is no tag; {@code !!binary} is decoded; a type tag makes the type
   * of a text that reads as it ({@code !!float 1} is a float, {@code !!int "12"} an integer).
   */
  @Test
  void tagsAreReadAsGoYamlReadsThem() {
    MapNode root = root("""
        image: !foo nginx
        number: !foo 42
        local: !<!bar> x
        unknown: !!set 1
        set: !!set {a, b}
        omap: !!omap [{a: 1}]
        strSeq: !!str [x]
        plain: ! 12
        quoted: ! '12'
        binary: !!binary aGVsbG8sIHdvcmxk
        lines: !!binary |
          aGVsbG8s
          IHdvcmxk
        empty: !!binary
        float: !!float 10000000
        int: !!int "12"
        bool: !!bool "true"
        date: !!timestamp 2001-12-14t21:59:43.10-05:00
        """);
    assertThat(scalar(root, "image")).extracting(ScalarNode::value, ScalarNode::type)
        .containsExactly("nginx", ScalarNode.Type.STRING);
    assertThat(scalar(root, "number")).extracting(ScalarNode::value, ScalarNode::type)
        .containsExactly("42", ScalarNode.Type.STRING);
    assertThat(scalar(root, "local").value()).isEqualTo("x");
    assertThat(scalar(root, "unknown").type()).isEqualTo(ScalarNode.Type.STRING);
    assertThat(((MapNode) root.get("set")).entries()).extracting(MapNode.Entry::name).containsExactly("a", "b");
    assertThat(((SeqNode) root.get("omap")).get(0)).isInstanceOf(MapNode.class);
    assertThat(root.get("strSeq")).isInstanceOf(SeqNode.class);
    assertThat(scalar(root, "plain").type()).isEqualTo(ScalarNode.Type.INT);
    assertThat(scalar(root, "quoted").type()).isEqualTo(ScalarNode.Type.STRING);
    assertThat(scalar(root, "binary").value()).isEqualTo("hello, world");
    assertThat(scalar(root, "lines").value()).isEqualTo("hello, world");
    assertThat(scalar(root, "empty")).extracting(ScalarNode::value, ScalarNode::type)
        .containsExactly("", ScalarNode.Type.STRING);
    assertThat(scalar(root, "float").type()).isEqualTo(ScalarNode.Type.FLOAT);
    assertThat(scalar(root, "float").asComposeString().value()).isEqualTo("1e+07");
    // an integer tagged !!float is read as an integer first, in its base: 0xd is 13, 010 is 8
    MapNode integers = root("hex: !!float 0xd\noctal: !!float 010\nbinary: !!float 0b11\n");
    assertThat(scalar(integers, "hex").asComposeString().value()).isEqualTo("13");
    assertThat(scalar(integers, "octal").asComposeString().value()).isEqualTo("8");
    assertThat(scalar(integers, "binary").asComposeString().value()).isEqualTo("3");
    assertThat(errorOf("!!float 0x10: key\n")).isEqualTo("compose.yaml:1:9: non-string key at top level: 16");
    // but not one only a uint64 holds
    assertThat(errorOf("a: !!float 0xFFFFFFFFFFFFFFFF\n")).isEqualTo(
        "compose.yaml:1:4: cannot construct !!int `0xFFFFFFFFFFFFFFFF` as a !!float");
    assertThat(scalar(root, "int").asLong()).contains(12L);
    assertThat(scalar(root, "bool").asBoolean()).contains(true);
    assertThat(scalar(root, "date").value()).isEqualTo("2001-12-14t21:59:43.10-05:00");
  }

  /**
   * A value whose tag go-yaml refuses for it (a type tag on a text of another type, {@code !!binary} on a text that
   * is not padded base64) is recorded at the tag, in go-yaml's words, and left out: its entry, its item, and the
   * aliases to it. The reading goes on.
   */
  @Test
  void everyTagThatDoesNotHoldIsRecordedAtTheTagAndItsValueLeftOut() {
    ParsedYaml parsed = YamlReader.parse(new SourceFile("compose.yaml", """
        services:
          web:
            image: nginx
            replicas: !!int three
            privileged: !!bool yes
            environment:
              A: !!float 1.2.3
              B: &b !!null x
              C: *b
              D: !!binary not base64
              E: !!binary aGVsbG8
              F: !!timestamp 2001-02-30
              !!int G: g
              H: !!int 1.5
              I: kept
            command: [a, !!int b, *b, c]
        """));
    assertThat(parsed.errors()).extracting(Object::toString).containsExactly(
        "compose.yaml:4:15: cannot construct !!str `three` as a !!int",
        "compose.yaml:5:17: cannot construct !!str `yes` as a !!bool",
        "compose.yaml:7:10: cannot construct !!str `1.2.3` as a !!float",
        "compose.yaml:8:13: cannot construct !!str `x` as a !!null",
        "compose.yaml:10:10: !!binary value contains invalid base64 data",
        "compose.yaml:11:10: !!binary value contains invalid base64 data",
        "compose.yaml:12:10: cannot construct !!str `2001-02-30` as a !!timestamp",
        "compose.yaml:13:7: cannot construct !!str `G` as a !!int",
        "compose.yaml:14:10: cannot construct !!float `1.5` as a !!int",
        "compose.yaml:16:18: cannot construct !!str `b` as a !!int");
    MapNode root = (MapNode) parsed.documents().get(0);
    MapNode web = (MapNode) ((MapNode) root.get("services")).get("web");
    assertThat(web.entries()).extracting(MapNode.Entry::name).containsExactly("image", "environment", "command");
    assertThat(((MapNode) web.get("environment")).entries()).extracting(MapNode.Entry::name).containsExactly("I");
    assertThat(((SeqNode) web.get("command")).items()).extracting(n -> ((ScalarNode) n).value())
        .containsExactly("a", "c");
  }

  /**
   * NEL, LS and PS are line breaks to Compose's reader (libyaml's rule), text to YAML 1.2 and to the reader here.
   * Where that makes the two read the file differently -- a comment that goes on as YAML after one, a block or
   * block-context plain scalar, a NEL or blanks beside an LS in a quoted one -- each is an error where it is written;
   * where both read it alike (inside quotes, a flow scalar, at a comment's end) it is not.
   */
  @Test
  void aLineBreakOnlyComposeReadsAsOneIsAnErrorWhereTheTwoReadersDiffer() {
    ParsedYaml parsed = YamlReader.parse(new SourceFile("compose.yaml", """
        services:
          web:
            image: nginx # pinned later\u2028    privileged: true
            labels:
              plain: a\u2028b
              quoted: "a\u2028b"
              spaced: 'a\u2028 b'
              next: "a\u0085b"
              flow: [a\u2029b]
              block: |
                a\u2028b
            # the end\u2028
            # one\u2029 # two
        """));
    assertThat(parsed.errors()).extracting(Object::toString).containsExactly(
        "compose.yaml:3:32: U+2028 (line separator) ends this comment for Compose's YAML reader (go-yaml), which"
            + " reads the text after it as YAML, not as a part of the comment as Lashing does; remove it, or put that"
            + " text on a line of its own",
        "compose.yaml:5:15: U+2028 (line separator) is a line break to Compose's YAML reader (go-yaml), not to"
            + " Lashing's, which reads this file otherwise; remove it, or write it as \\L in a double-quoted string",
        "compose.yaml:7:17: U+2028 (line separator) is a line break to Compose's YAML reader (go-yaml), not to"
            + " Lashing's, which reads this file otherwise; remove it, or write it as \\L in a double-quoted string",
        "compose.yaml:8:15: U+0085 (next line) is a line break to Compose's YAML reader (go-yaml), not to"
            + " Lashing's, which reads this file otherwise; remove it, or write it as \\N in a double-quoted string",
        "compose.yaml:11:10: U+2028 (line separator) is a line break to Compose's YAML reader (go-yaml), not to"
            + " Lashing's, which reads this file otherwise; remove it, or write it as \\L in a double-quoted string");
    // where the parser stops at an error, the unusual break before it is told first
    assertThat(errorOf("x:\n  y: 1\u2028  z: 2\n")).isEqualTo("compose.yaml:2:7: U+2028 (line separator) is a line"
        + " break to Compose's YAML reader (go-yaml), not to Lashing's, which reads this file otherwise; remove it,"
        + " or write it as \\L in a double-quoted string\ncompose.yaml:2:11: invalid YAML: mapping values are not"
        + " allowed here");
  }

  @Test
  void syntaxErrorsArePositioned() {
    assertThat(errorOf("services:\n  web:\n   image: [x\n")).startsWith("compose.yaml:4:1: invalid YAML:");
    assertThat(errorOf("services:\n\tweb:\n")).startsWith(
        "compose.yaml:2:1: invalid YAML: found a tab character that violates indentation");
  }

  /**
   * Within brackets go-yaml reads a tab in a line's indentation, but not in the lines that continue an unquoted
   * value (or before what follows it) short of the column beyond the block collection around the brackets; Lashing
   * read those.
   */
  @Test
  void aTabIndentingTheNextLineOfAnUnquotedValueWithinBracketsIsRefusedShortOfTheBlockColumn() {
    assertThat(errorOf("a: {b: c\n\td}\n")).isEqualTo("compose.yaml:2:1: invalid YAML: found a tab character that"
        + " violates indentation (Compose's YAML reader refuses a tab in a line's indentation outside brackets and"
        + " quotes, and within them where an unquoted value goes on)");
    assertThat(errorOf("a:\n  b: [c\n \td]\n")).startsWith("compose.yaml:3:2: invalid YAML: found a tab character");
    assertThat(errorOf("a: [c\n\t, d]\n")).startsWith("compose.yaml:2:1: invalid YAML: found a tab character");
    // beyond that column, before a new item, or with no block collection around, it is read
    assertThat(items(root("a: [c\n \t, d]\n"), "a")).containsExactly("c", "d");
    assertThat(items(root("a: [c,\n\td]\n"), "a")).containsExactly("c", "d");
    assertThat(items(root("a:\n  - [c\n   \td]\n"), "a")).containsExactly("sequence");
    assertThat(YamlReader.read(new SourceFile("compose.yaml", "[c\n\td]\n"))).hasSize(1);
  }

  @Test
  void aCharacterYamlDoesNotAllowIsPositionedWhereItIs() {
    assertThat(errorOf("services:\n  web:\n    image: nginx:1.27\n    command: \"a\u0001b\"\n")).isEqualTo(
        "compose.yaml:4:16: invalid YAML: special characters are not allowed (U+0001)");
    // counted in code points by the parser: a character beyond the BMP before it, and a byte order mark
    assertThat(errorOf("\uFEFF# \uD83D\uDE00\nservices: {web: {command: \"\u001B\"}}\n")).isEqualTo(
        "compose.yaml:2:28: invalid YAML: special characters are not allowed (U+001B)");
  }

  /** The parser here threw a NumberFormatException for these (found by ConfigFuzzTest), an internal error. */
  @Test
  void anEscapeWithoutItsDigitsIsASyntaxErrorWhereTheyWouldBe() {
    assertThat(errorOf("a: \"\\u")).isEqualTo(
        "compose.yaml:1:7: invalid YAML: found unexpected end of stream (while scanning a double-quoted scalar)");
    assertThat(errorOf("services:\n  web: \"\\x")).isEqualTo(
        "compose.yaml:2:11: invalid YAML: found unexpected end of stream (while scanning a double-quoted scalar)");
    assertThat(errorOf("a: \"\\UFFFFFFFF\"\n")).isEqualTo(
        "compose.yaml:1:7: invalid YAML: found invalid Unicode character escape code (while scanning a double-quoted"
            + " scalar)");
    // the same when the parser reads ahead on a thread of its own
    assertThatThrownBy(() -> YamlReader.parse(new SourceFile("compose.yaml", "a: b\nc: \"\\U"), 0))
        .isInstanceOf(ComposeException.class).hasMessageContaining("compose.yaml:2:7: invalid YAML: found unexpected end");
  }

  /** Compose's reader refuses each escape of a surrogate, a pair's halves too (found by ConfigFuzzTest). */
  @Test
  void anEscapedSurrogateIsRefusedWhereItIsWritten() {
    assertThat(errorOf("a: \"x\\ud8ff\\fe\"\n")).isEqualTo("compose.yaml:1:6: invalid YAML: found invalid Unicode"
        + " character escape code (while parsing a quoted scalar)");
    assertThat(errorOf("a: [\"\\\\u0041\", \"\\ud83d\\ude00\"]\n")).startsWith("compose.yaml:1:17: invalid YAML:");
    assertThat(errorOf("a:\n  \"\\U0000DC00\": b\n")).startsWith("compose.yaml:2:4: invalid YAML:");
    // the character itself, or escaped as one, is read
    assertThat(scalar(root("a: \"\ud83d\ude00 \\U0001F600\"\n"), "a").value()).isEqualTo("\ud83d\ude00 \ud83d\ude00");
  }

  /**
   * go-yaml refuses a tab in a line's indentation in block context, on a blank or comment line too, unless it reads
   * it with what comes before: a comment line after a comment that starts its line, or the blanks after a plain
   * scalar, at or beyond the column where the scalar's lines start. Each case here as go-yaml v3 reads it.
   */
  @Test
  void aTabInALinesIndentationOutsideBracketsAndQuotesIsRefusedWhereGoYamlRefusesIt() {
    assertThat(errorOf("a: 1\n\t\nb: 2\n")).startsWith(
        "compose.yaml:2:1: invalid YAML: found a tab character that violates indentation (Compose's YAML reader");
    assertThat(errorOf("services:\n  web:\n\t# a comment\n    image: nginx\n")).startsWith("compose.yaml:3:1: ");
    // after spaces too
    assertThat(errorOf("a:\n \t# c\n  b: 1\n")).startsWith("compose.yaml:2:2: invalid YAML: found a tab");
    assertThat(errorOf("a: \"b\"\n \t\nc: d\n")).startsWith("compose.yaml:2:2: invalid YAML: found a tab");
    // within brackets or quotes it is read, by both
    assertThat(scalar(root("a: [1,\n\t2]\nb: \"x\n\ty\"\nc: 'z\n\tw'\n"), "b").value()).isEqualTo("x y");
    assertThat(root("a: {b: 1,\n\tc: 2}\n").get("a")).isInstanceOf(MapNode.class);
    // before a comment read with the comment that starts its line above, or follows a "-" or "---"
    assertThat(root("# head\n\t# more\nservices: {}\n").get("services")).isInstanceOf(MapNode.class);
    assertThat(root("--- # c\n\t# d\na: 1\n").get("a")).isInstanceOf(ScalarNode.class);
    // not after a comment that follows a value on its line, the "-" of a text or a block scalar's header
    assertThat(errorOf("a: 1 # c\n\t# d\n")).startsWith("compose.yaml:2:1: invalid YAML: found a tab");
    assertThat(errorOf("a: b -  # c\n\t# d\n")).startsWith("compose.yaml:2:1: invalid YAML: found a tab");
    // nor after the "-" that ends a block scalar's header, an anchor's or a tag's name (Lashing read these)
    assertThat(errorOf("k: |2- # h\n\t# c\nj: 1\n")).startsWith("compose.yaml:2:1: invalid YAML: found a tab");
    assertThat(errorOf("k: >- # h\n\t# c\n")).startsWith("compose.yaml:2:1: invalid YAML: found a tab");
    assertThat(errorOf("k: &a- # h\n\t# c\n  x\n")).startsWith("compose.yaml:2:1: invalid YAML: found a tab");
    assertThat(errorOf("k: !t- # h\n\t# c\n  x\n")).startsWith("compose.yaml:2:1: invalid YAML: found a tab");
    assertThat(items(root("k:\n- - # h\n\t# c\n    x\n"), "k")).containsExactly("sequence");
    // in the blanks after a plain scalar, beyond the column of its mapping
    assertThat(root("a: b\n \t# c\n").get("a")).isInstanceOf(ScalarNode.class);
    assertThat(errorOf("x:\n  a: b\n \t# c\n")).startsWith("compose.yaml:3:2: invalid YAML: found a tab");
    // a plain scalar that is the whole document: up to the first comment, then as for comments
    assertThat(YamlReader.read(new SourceFile("compose.yaml", "text\n\t#\n\t# c\n"))).hasSize(1);
    assertThat(errorOf("text\n\t# c\n\t\n")).startsWith("compose.yaml:3:1: invalid YAML: found a tab");
    // within a plain scalar's lines beyond its mapping's column, read as blanks; in a block scalar, as its text
    // beyond its indentation, but refused before or within the indentation
    assertThat(scalar(root("a: b\n  \tc\n"), "a").value()).isEqualTo("b c");
    assertThat(scalar(root("a: b\n  \t\n  c\n"), "a").value()).isEqualTo("b\nc");
    assertThat(scalar(root("a: |\n  x\n  \ty\nb:\tc\n"), "a").value()).isEqualTo("x\n\ty\n");
    assertThat(errorOf("a: |\n \t# x\n")).startsWith("compose.yaml:2:2: invalid YAML: found a tab");
    assertThat(errorOf("a: |\n  x\n \ty\n")).startsWith("compose.yaml:3:2: invalid YAML: found a tab");
    assertThat(scalar(root("a: |\n  b: c\n#\n\t# x"), "a").value()).isEqualTo("b: c\n");
    // a NEL ends a line for Compose's reader, and a run of comments
    assertThat(errorOf("a: 1 #\u0085\t# c\n")).startsWith("compose.yaml:1:8: invalid YAML: found a tab");
    assertThat(errorOf("#\u0085\t# c\na: 1\n")).startsWith("compose.yaml:1:3: invalid YAML: found a tab");
  }

  /**
   * Within brackets and braces go-yaml (YAML 1.1) ends an unquoted value at a "?" and takes a colon followed by a
   * bracket, brace or comma as text; snakeyaml-engine (YAML 1.2) does the opposite.
   */
  @Test
  void anUnquotedValueWithinBracketsIsReadAsGoYamlReadsIt() {
    assertThat(errorOf("test: [CMD, curl, http://x/health?ready=1]\n")).isEqualTo("compose.yaml:1:34: invalid YAML:"
        + " found '?' in an unquoted value within brackets or braces, which Compose's YAML reader ends there; quote"
        + " the value");
    assertThat(errorOf("a: {b: c?}\n")).startsWith("compose.yaml:1:9: invalid YAML: found '?'");
    assertThat(items(root("test: [CMD, curl, \"http://x/health?ready=1\"]\n"), "test"))
        .containsExactly("CMD", "curl", "http://x/health?ready=1");
    // a colon before a bracket, brace or comma is text, the blanks before it too
    assertThat(items(root("a: [b:, c]\n"), "a")).containsExactly("b:", "c");
    assertThat(((MapNode) root("a: {b:}\n").get("a")).keys()).containsExactly("b:");
    assertThat(scalar(root("a: {k: v:, c: d}\n"), "a", "k").value()).isEqualTo("v:");
    assertThat(items(root("a: [b\n  :]\n"), "a")).containsExactly("b :");
    assertThat(errorOf("a: {b:{c: 1}}\n")).startsWith("compose.yaml:1:7: invalid YAML: expected ',' or '}'");
    assertThat(scalar(root("a: {\"b\":{c: 1}}\n"), "a", "b", "c").value()).isEqualTo("1");
    // a "?" first marks a key
    assertThat(((MapNode) ((SeqNode) root("a: [?x]\n").get("a")).get(0)).keys()).containsExactly("x");
    assertThat(scalar(root("a: {?x: y}\n"), "a", "x").value()).isEqualTo("y");
  }

  /** go-yaml adds no line break to a block scalar that the text does not have: the last line of a file. */
  @Test
  void aBlockScalarLastInTheFileWithoutALineBreakHasNone() {
    assertThat(scalar(root("a: |\n  l"), "a").value()).isEqualTo("l");
    assertThat(scalar(root("a: |+\n  l  "), "a").value()).isEqualTo("l  ");
    assertThat(scalar(root("a: >\n  l\n\n  m"), "a").value()).isEqualTo("l\nm");
    assertThat(scalar(root("a: |\n  l\n"), "a").value()).isEqualTo("l\n");
    assertThat(scalar(root("a: |\n  l\n  "), "a").value()).isEqualTo("l\n");
    assertThat(scalar(root("a: |\n  l\nb: 1"), "a").value()).isEqualTo("l\n");
    // a last line of blanks beyond the indentation is text, without a break too
    assertThat(scalar(root("a: |\n  l\n    "), "a").value()).isEqualTo("l\n  ");
    assertThat(scalar(root("a: |+\n  l\n\n  \t "), "a").value()).isEqualTo("l\n\n\t ");
    assertThat(items(root("a:\n  - >\n    l\n       "), "a")).containsExactly("l\n   ");
    assertThat(scalar(root("a: |1\n  l\n  "), "a").value()).isEqualTo(" l\n ");
    assertThat(scalar(root("a: |-\n  l\n    "), "a").value()).isEqualTo("l\n  ");
    // after the header only blanks and a comment, at the end of the text too
    assertThat(errorOf("a: >-\u07c3")).isEqualTo(
        "compose.yaml:1:6: invalid YAML: did not find expected comment or line break (while scanning a block scalar)");
    assertThat(scalar(root("a: !!str |2 # c\n   l\n"), "a").value()).isEqualTo(" l\n");
  }

  /**
   * go-yaml takes the spaces of the blank lines after a block scalar's header for its indentation, so a next line
   * with fewer spaces ends it empty; snakeyaml-engine refuses the blank lines ("the leading empty lines contain more
   * spaces than the first non-empty line"). An editor that indents blank lines writes them.
   */
  @Test
  void aBlockScalarWhoseBlankLinesHaveMoreSpacesThanTheNextLineIsEmpty() {
    MapNode web = (MapNode) root("services:\n  web:\n    command: >\n        \n    image: nginx\n")
        .get("services");
    assertThat(scalar(web, "web", "command").value()).isEmpty();
    assertThat(scalar(web, "web", "image").value()).isEqualTo("nginx");
    assertThat(scalar(root("s:\n  a: |+\n      \n      \n  b: 1\n"), "s", "a").value()).isEqualTo("\n\n");
    assertThat(scalar(root("s:\n  a: !!str |-  # c\r\n      \r\n  # d\r\n  b: 1\r\n"), "s", "a").value()).isEmpty();
    MapNode two = root("s:\n  - |\n      \n  - >\n     \n  - x\n");
    assertThat(items(two, "s")).containsExactly("", "", "x");
    // where go-yaml then finds the next line at no key's indentation, it refuses the file, and so does this
    assertThat(errorOf("s:\n  a: |\n      \n   b: 1\n")).startsWith("compose.yaml:4:4: invalid YAML:  the leading");
    // a comment there is one, however little it is indented
    ParsedYaml commented = YamlReader.parse(new SourceFile("compose.yaml", "a:\n  k: |+\n      \n   # c\n  l: x\n"));
    MapNode a = (MapNode) ((MapNode) commented.documents().get(0)).get("a");
    assertThat(scalar(a, "k").value()).isEqualTo("\n");
    assertThat(scalar(a, "l").value()).isEqualTo("x");
    assertThat(commented.comments()).extracting(ParsedYaml.Comment::start).containsExactly(21);
    // with a tab read elsewhere, too
    assertThat(scalar(root("k: |\n   \nj:\tv\n"), "k").value()).isEmpty();
    // but not a | that only looked like a header while a tab ended the text above it: it is that text's (this read
    // "T\n|\n\n\nl", found by YamlReaderFuzzTest and go-yaml)
    assertThat(YamlReader.read(new SourceFile("compose.yaml", "T\n\t\n|\n  \n l")))
        .extracting(n -> ((ScalarNode) n).value()).containsExactly("T\n|\nl");
  }

  /**
   * go-yaml reads a comment right after a block scalar's header ({@code |#c}); snakeyaml-engine refuses it ("expected
   * chomping or indentation indicators"). Where such text is within another value, it stays text.
   */
  @Test
  void aCommentGluedToABlockScalarsHeaderIsReadAsComposeReadsIt() {
    MapNode root = root("a: |#c\n  x\nb: >-2#d\n   y\nc: \"x |#y\n  z\"\nd: x |#w\ne:\tf\n");
    assertThat(scalar(root, "a").value()).isEqualTo("x\n");
    assertThat(scalar(root, "b").value()).isEqualTo(" y");
    assertThat(scalar(root, "c").value()).isEqualTo("x |#y z");
    assertThat(scalar(root, "d").value()).isEqualTo("x |#w");
    assertThat(errorOf("a: [x, |#c]\n")).startsWith("compose.yaml:1:8: invalid YAML: found character '|'");
    // a character the reader refuses anywhere is refused there too
    assertThat(errorOf("a: |#\u0001\n  x\n")).isEqualTo(
        "compose.yaml:1:6: invalid YAML: special characters are not allowed (U+0001)");
    // a character beyond the BMP in it (two UTF-16 units, one code point) moves no later position (YamlReaderFuzzTest
    // found the reader taking a position one past the end of the text after one)
    MapNode astral = root("a: |#\uD83D\uDE00 c\n  x\nb: [1, 2]\n");
    assertThat(((SeqNode) astral.get("b")).items().get(1).origin().at().column()).isEqualTo(8);
    assertThat(YamlReader.read(new SourceFile("compose.yaml", "? |#\uDBF5\uDE8F\n:"))).hasSize(1);
  }

  /**
   * go-yaml merges a mapping written under a merge key into one whose keys are strings, reading each of its keys as a
   * string (a null one not at all); used elsewhere through an alias, such a mapping is refused as compose-go refuses a
   * key that is not a string. Lashing refused it everywhere. Each case here as go-yaml v3 reads it.
   */
  @Test
  void aMappingUnderAMergeKeyHasItsKeysReadAsStrings() {
    MapNode b = (MapNode) root("b:\n  <<: {2: y, true: z, 0x1F: w, ~: v}\n  c: 1\n").get("b");
    assertThat(b.keys()).containsExactlyInAnyOrder("2", "true", "0x1F", "c");
    assertThat(scalar(b, "2").value()).isEqualTo("y");
    assertThat(scalar(root("b:\n  \"2\": x\n  <<: [{2: y}, {2: z}]\n"), "b", "2").value()).isEqualTo("x");
    assertThat(errorOf("b:\n  <<: &m {2: y}\nc: *m\n")).isEqualTo("compose.yaml:3:4: non-string key in c: 2");
    assertThat(errorOf("b:\n  <<: {a: {2: y}}\n")).isEqualTo("compose.yaml:2:12: non-string key in b.<<.a: 2");
    // nor where a key of the mapping merged into has a tag of another type: go-yaml then keeps the keys as they are
    assertThat(errorOf("b:\n  <<: {2: y}\n  !t k: 1\n")).isEqualTo("compose.yaml:2:8: non-string key in b: 2");
    assertThat(errorOf("x:\n  <<: &m {2: y}\nb:\n  !t k: 1\n  <<: *m\n"))
        .startsWith("compose.yaml:5:7: non-string key");
  }

  /** go-yaml merges a sequence of mappings written under the merge key, not one an alias names. */
  @Test
  void aMergeOfAnAliasedSequenceIsRefused() {
    assertThat(errorOf("a: &a {x: 1}\ns: &s [*a]\nb:\n  <<: *s\n")).isEqualTo(
        "compose.yaml:4:7: map merge requires map or sequence of maps as the value");
    assertThat(errorOf("e: &e []\nb:\n  <<: *e\n")).startsWith("compose.yaml:3:7: map merge requires");
    assertThat(scalar(root("a: &a {x: 1}\nb:\n  <<: [*a]\n"), "b", "x").value()).isEqualTo("1");
  }

  /** go-yaml names a collection as it opens it: an alias of that name within it is the collection itself. */
  @Test
  void anAliasWithinTheCollectionItNamesIsRefused() {
    assertThat(errorOf("a: &x [1, *x]\n")).isEqualTo("compose.yaml:1:11: alias *x refers to itself");
    // even when an earlier node had the name
    assertThat(errorOf("a: &x 1\nb: &x\n  c: *x\n")).isEqualTo("compose.yaml:3:6: alias *x refers to itself");
    // once it is closed, an alias names it
    assertThat(scalar(root("a: &x 1\nb: &x {c: 2}\nd: *x\n"), "d", "c").value()).isEqualTo("2");
    // and within it, a node given the name since is the one an alias names
    assertThat(items(root("a: &x\n  - &x {c: 1}\n  - *x\n"), "a")).containsExactly("mapping", "mapping");
    // which keeps the name once the collection closes: go-yaml names a node as it starts
    assertThat(items(root("a: &x\n  b: &x [1]\nc: *x\n"), "c")).containsExactly("1");
  }

  /**
   * go-yaml ends an alias's name at a colon, so {@code *k: v} is an alias as a key; the parser here took the colon
   * into the name and then found no key ("could not find expected ':'", a line below), and Lashing refused the file.
   */
  @Test
  void anAliasAsAKeyWithoutABlankBeforeItsColonIsReadAsComposeReadsIt() {
    MapNode root = root("x: &k a\n*k: v\ny: {*k: w}\nz:\n  *k:\tu\n  q: \"*k: t\"\nl: [1, 2]\n");
    assertThat(scalar(root, "a").value()).isEqualTo("v");
    assertThat(scalar(root, "y", "a").value()).isEqualTo("w");
    assertThat(scalar(root, "z", "a").value()).isEqualTo("u");
    assertThat(scalar(root, "z", "q").value()).isEqualTo("*k: t");
    // each position is where it is written: the value, the alias, and what follows
    assertThat(scalar(root, "a").origin().at().column()).isEqualTo(5);
    assertThat(((SeqNode) root.get("l")).items().get(1).origin().at().column()).isEqualTo(8);
    assertThat(root.entries().get(1).key().origin().usedAt().column()).isEqualTo(1);
    assertThat(scalar(root("x: &k a\n*k : v\n"), "a").value()).isEqualTo("v");
    // go-yaml tells keys apart as written: an alias and a text that read alike are two keys, the later value stands
    MapNode twice = root("x: &k a\na: 1\n*k: 2\n");
    assertThat(scalar(twice, "a").value()).isEqualTo("2");
    assertThat(twice.keys()).containsExactly("x", "a");
    assertThat(scalar(twice, "a").origin().at().line()).isEqualTo(3);
    // but the same text, or the same alias, twice is a duplicate, told at the first
    assertThat(errorOf("x: &k a\na: 1\n*k: 2\na: 3\n")).isEqualTo(
        "compose.yaml:4:1: mapping key \"a\" already defined at line 2");
    assertThat(errorOf("x: &k a\n*k : 1\n*k : 2\n")).startsWith("compose.yaml:3:1: mapping key \"a\" already defined");
    // refused as Compose refuses it: what is wrong further on, once the alias is read
    assertThat(errorOf("x: &k a\n*k: v\nb: [\n")).startsWith("compose.yaml:4:1: invalid YAML: expected the node");
    // an alias's name that runs to the end of the text is no such key (this ended every command, found by fuzzing)
    assertThat(errorOf("a:\n  b: 1\n  *k")).startsWith("compose.yaml:3:5: invalid YAML: could not find expected ':'");
  }

  /** go-yaml reads ASCII letters, digits, '-' and '_' in an anchor's or alias's name; snakeyaml-engine reads more. */
  @Test
  void anAnchorOrAliasNameComposeDoesNotReadIsRefused() {
    assertThat(errorOf("x: &a+b 1\n")).isEqualTo("compose.yaml:1:4: invalid YAML: Compose's YAML reader takes only ASCII"
        + " letters, digits, '-' and '_' in an anchor's name, not '+' (in 'a+b')");
    assertThat(errorOf("x: &caf\u00e9 {a: 1}\n")).contains("an anchor's name, not '\u00e9' (in 'caf\u00e9')");
    assertThat(errorOf("x: &m [1]\ny: *m:x\n")).startsWith("compose.yaml:2:4: invalid YAML: ")
        .contains("in an alias's name, not ':' (in 'm:x')");
    assertThat(scalar(root("x: &Base-1_a v\ny: *Base-1_a\n"), "y").value()).isEqualTo("v");
  }

  /**
   * go-yaml takes a tab after a key's colon for a space; snakeyaml-engine refused the file ("a tab character that
   * violates indentation") for it. A tab within a value stays a tab, and where go-yaml refuses a tab, so does this.
   */
  @Test
  void aTabAfterAKeysColonIsReadAsComposeReadsIt() {
    MapNode root = root("services:\n  web:\n    image:\tnginx:1.27\n    ports: \t[\"80:80\"]\n"
        + "    command: |\n      echo a:\tb\n    entrypoint: \"x:\ty\"\n    user:\t\"1000\"\n");
    assertThat(scalar(root, "services", "web", "image").value()).isEqualTo("nginx:1.27");
    assertThat(scalar(root, "services", "web", "image").origin().at().column()).isEqualTo(12);
    assertThat(scalar(root, "services", "web", "command").value()).isEqualTo("echo a:\tb\n");
    assertThat(scalar(root, "services", "web", "entrypoint").value()).isEqualTo("x:\ty");
    assertThat(scalar(root, "services", "web", "user").value()).isEqualTo("1000");
    // blanks between the key and its colon, a tab among them
    assertThat(scalar(root("a\t:\tb\nc :\td\n"), "c").value()).isEqualTo("d");
    // after a complex key's colon, or an item's dash, go-yaml refuses it too
    assertThat(errorOf("? a\n:\t1\n")).isEqualTo("compose.yaml:2:2: invalid YAML: found a tab after an explicit key's"
        + " ':', which Compose's YAML reader refuses there (it separates the ':' from what follows with spaces only)");
    assertThat(errorOf("-\ta\n")).startsWith("compose.yaml:1:2: invalid YAML: found a tab after a sequence's '-'");
    // after a dash go-yaml refuses it before a comment or the line's end as well
    assertThat(errorOf("a:\n  - b\n  - \t# c\n")).isEqualTo("compose.yaml:3:5: invalid YAML: found a tab after a"
        + " sequence's '-', which Compose's YAML reader refuses there (it separates the '-' from what follows with"
        + " spaces only)");
    assertThat(errorOf("- -\t\n")).startsWith("compose.yaml:1:4: invalid YAML: found a tab after a sequence's '-'");
    // after an anchor, a tag or a block scalar's header go-yaml reads it
    MapNode properties = root("a: &x\tb\nc: !!str\t1\nd:\n  - !!str\t|\t# h\n    text\ne: >-\t\n  f\ng: *x\n");
    assertThat(scalar(properties, "c").value()).isEqualTo("1");
    assertThat(items(properties, "d")).containsExactly("text\n");
    assertThat(scalar(properties, "e").value()).isEqualTo("f");
    assertThat(scalar(properties, "g").value()).isEqualTo("b");
    // where such a tab is text, it stays one
    assertThat(scalar(root("a: \"x &y\tz\"\nb:\tc\n"), "a").value()).isEqualTo("x &y\tz");
    assertThat(scalar(root("a: |\n  x |\t\nb:\tc\n"), "a").value()).isEqualTo("x |\t\n");
    // and a block scalar whose text keeps one keeps its header's as a space
    assertThat(scalar(root("a: |\t# c\n  FROM x\n  COPY y\t\n"), "a").value()).isEqualTo("FROM x\nCOPY y\t\n");
    // the same when the parser reads ahead on a thread of its own
    ParsedYaml parsed = YamlReader.parse(new SourceFile("compose.yaml", "a:\tx\nb: \"c:\td\"\n"), 0);
    assertThat(scalar((MapNode) parsed.documents().get(0), "b").value()).isEqualTo("c:\td");
  }

  /**
   * go-yaml skips any blanks between two things on a line, tabs and spaces mixed, within brackets and after a quoted
   * key; snakeyaml-engine refused a space after a tab there ("found character ' ' that cannot start any token") and a
   * tab before a quoted key's colon. After an explicit key's indicators outside braces both refuse a tab, but
   * snakeyaml-engine read one before the line's end.
   */
  @Test
  void tabsAndSpacesMixedBetweenTokensAreReadAsComposeReadsThem() {
    MapNode flow = root("a: [x,\t y, \"z\"\t , !!str\t w]\nb: {k:\t v, ? \t q: r}\nc: [x\n  ,\t y]\nd: &e v\nf: *e\t \n");
    assertThat(items(flow, "a")).containsExactly("x", "y", "z", "w");
    assertThat(scalar(flow, "b", "k").value()).isEqualTo("v");
    assertThat(scalar(flow, "b", "q").value()).isEqualTo("r");
    assertThat(items(flow, "c")).containsExactly("x", "y");
    assertThat(scalar(flow, "f").value()).isEqualTo("v");
    MapNode quotedKeys = root("\"a\"\t: b\n'c' \t: d\n--- \t\n");
    assertThat(scalar(quotedKeys, "a").value()).isEqualTo("b");
    assertThat(scalar(quotedKeys, "c").value()).isEqualTo("d");
    assertThat(scalar(root("%YAML 1.1\t \n---\na: 1\n"), "a").value()).isEqualTo("1");
    // within a value a tab stays one
    assertThat(items(root("a: [\"x,\t y\", p\t q]\n"), "a")).containsExactly("x,\t y", "p\t q");
    // and where a value is read again for one, the tabs in its lines' indentation, which are not its text, stay
    // spaces: a plain scalar's, or those on a block scalar's header line (its comment)
    assertThat(scalar(root("k: a\t\n \tb\n"), "k").value()).isEqualTo("a b");
    assertThat(scalar(root("k:\n  a\t\n  \tb\n"), "k").value()).isEqualTo("a b");
    assertThat(YamlReader.read(new SourceFile("compose.yaml", "|+ #n:  \t H\t\n---\nc\t\n  \t  -"))).hasSize(2);
    assertThat(errorOf("? \t a\n: b\n")).startsWith("compose.yaml:1:3: invalid YAML: found a tab after an explicit key's"
        + " '?'");
    assertThat(errorOf("? a\n: \t b\n")).startsWith("compose.yaml:2:3: invalid YAML: found a tab after an explicit key's"
        + " ':'");
    // there go-yaml refuses it before the line's end as well, not before a comment; within braces it reads it
    assertThat(errorOf("- a: 1\n  ? b\n  :\t\n")).startsWith("compose.yaml:3:4: invalid YAML: found a tab after an"
        + " explicit key's ':'");
    assertThat(((MapNode) root("? a\n:\t# c\n")).keys()).containsExactly("a");
    // a key of its own that starts with such a character is no indicator: the tab after its colon is read
    assertThat(((MapNode) root("?? :\t\n-- :\t\n")).keys()).containsExactly("??", "--");
    assertThat(scalar(root("x: {? a\n  :\t b}\n"), "x", "a").value()).isEqualTo("b");
    assertThat(errorOf("- - \t x\n")).startsWith("compose.yaml:1:5: invalid YAML: found a tab after a sequence's '-'");
  }

  /**
   * go-yaml reads a {@code -} alone before a comma or a closing bracket or brace as the string "-" (a program's
   * argument for standard input); snakeyaml-engine refused it ("found character '-' that cannot start any token").
   */
  @Test
  void aLoneDashWithinBracketsIsAString() {
    MapNode root = root("command: [cat, -]\nargs: [-, -x, \"-\", !!str -]\nenv: {A: -, B: c}\n"
        + "q: \"[x, -]\"\nb: |\n  [y, -]\n# [z, -]\np: -,x\n");
    assertThat(items(root, "command")).containsExactly("cat", "-");
    assertThat(items(root, "args")).containsExactly("-", "-x", "-", "-");
    assertThat(scalar(root, "env", "A").value()).isEqualTo("-");
    assertThat(scalar(root, "env", "A").origin().at().column()).isEqualTo(10);
    // where the dash is within another value it stays as written
    assertThat(scalar(root, "q").value()).isEqualTo("[x, -]");
    assertThat(scalar(root, "b").value()).isEqualTo("[y, -]\n");
    assertThat(scalar(root, "p").value()).isEqualTo("-,x");
    // a dash before a blank or a line's end within brackets is a block sequence's, refused there by both
    assertThat(errorOf("a: [b, -\n  ]\n")).startsWith("compose.yaml:1:8: invalid YAML: ");
    // on a line of its own after a key, it continues the key's text; after a quoted key, nothing takes it
    assertThat(((MapNode) root("k: { a\n-,\n}\n").get("k")).keys()).containsExactly("a -");
    assertThat(errorOf("k: { 'a'\n-,\n}\n")).startsWith("compose.yaml:2:1: invalid YAML: ");
  }

  /**
   * go-yaml reads a comma or a square bracket in a tag that ends at a blank or a line's end as the tag's own
   * ({@code [!!str, x]} is one item, the string "x", under a tag go-yaml does not know); snakeyaml-engine refused the
   * file ("expected ' ', but found ','"). Each case here as go-yaml v3 reads it.
   */
  @Test
  void aCommaOrABracketInATagIsTheTags() {
    MapNode root = root("a: [!!str, x]\nb: [!!int, 8080]\nc:\n  - !x,y\nd: \"[!!str, z]\"\ne: [ !!str , w]\n"
        + "f: |\n  !t,u v\ng: [!, x]\n");
    assertThat(items(root, "a")).containsExactly("x");
    assertThat(items(root, "b")).containsExactly("8080");
    assertThat(((ScalarNode) ((SeqNode) root.get("b")).items().get(0)).type()).isEqualTo(ScalarNode.Type.STRING);
    assertThat(items(root, "c")).containsExactly("");
    assertThat(items(root, "g")).containsExactly("x");
    // a '!' after the first in a tag with no handle is the tag's too ("expected '!'" to the parser here)
    assertThat(scalar(root("t: !a~b! x\n"), "t").value()).isEqualTo("x");
    // right after the colon of a quoted key within braces, too
    assertThat(scalar(root("h: {\"k\":!x,y }\n"), "h", "k").value()).isEmpty();
    // a tag that ends at its blank is read as before; within another value the text stays as written
    assertThat(items(root, "e")).containsExactly("", "w");
    assertThat(scalar(root, "d").value()).isEqualTo("[!!str, z]");
    assertThat(scalar(root, "f").value()).isEqualTo("!t,u v\n");
    assertThat(((SeqNode) root.get("a")).items().get(0).origin().at().column()).isEqualTo(12);
    // a tag that does not end at a blank is refused by both: here the bracket is the tag's, the sequence not closed
    // (where Compose says so, at the end of the text)
    assertThat(errorOf("a: [!!str]\n")).startsWith("compose.yaml:2:1: invalid YAML: expected ',' or ']'");
    assertThat(errorOf("a: {b: !!str, c: 1}\n")).startsWith("compose.yaml:1:");
  }

  /**
   * A block mapping is indented where its first key starts, with that key's anchor or tag: a tab in a block scalar's
   * blank line below it is text, as go-yaml reads it (Lashing measured from the key itself and refused the tab).
   */
  @Test
  void aMappingsFirstKeyWithAPropertySetsTheMappingsIndentation() {
    assertThat(scalar(root("!!str k: >\n   more\n   \t \n"), "k").value()).isEqualTo("more\n\t \n");
    assertThat(scalar(root("&a k: |\n   x\n   \ty\n"), "k").value()).isEqualTo("x\n\ty\n");
  }

  /** Compose's reader refuses a DEL anywhere; the parser here reads one within quotes or in a comment. */
  @Test
  void aDeleteIsRefusedWhereverItIs() {
    assertThat(errorOf("services:\n  web:\n    command: \"a\u007fb\"\n")).isEqualTo(
        "compose.yaml:3:16: invalid YAML: special characters are not allowed (U+007F)");
    assertThat(errorOf("services:\n  web: # a\u007f\n    image: nginx\n")).isEqualTo(
        "compose.yaml:2:11: invalid YAML: special characters are not allowed (U+007F)");
    assertThat(errorOf("services:\n  web:\n    image: nginx\u007f\n")).isEqualTo(
        "compose.yaml:3:17: invalid YAML: special characters are not allowed (U+007F)");
    // the first problem in the text is the one reported
    assertThat(errorOf("services:\n  web: [\n# \u007f\n")).isEqualTo(
        "compose.yaml:3:3: invalid YAML: special characters are not allowed (U+007F)");
    assertThat(errorOf("services:\n\tweb:\n# \u007f\n")).isEqualTo(
        "compose.yaml:2:1: invalid YAML: found a tab character that violates indentation");
    // written as an escape, it is a character like any other
    assertThat(scalar(root("services:\n  web:\n    command: \"a\\x7fb\"\n"), "services", "web", "command").value())
        .isEqualTo("a\u007fb");
  }

  @Test
  void aliasBombIsRefused() {
    String yaml = AliasBomb.ofLevels(12);
    // How fast the refusal comes is measured by scripts/hostile.sh, not here: a timed test fails on a busy machine.
    assertThat(errorOf(yaml)).contains("alias bomb");
  }

  @Test
  void deepNestingIsAnErrorNotAStackOverflow() {
    String yaml = "x: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
    assertThat(errorOf(yaml)).contains("nesting deeper than");
  }

  /** compose-go reads every document of a file with one go-yaml decoder, whose anchors outlive a document. */
  @Test
  void anAliasNamesAnAnchorOfAnEarlierDocument() {
    List<Node> documents = YamlReader.read(new SourceFile("compose.yaml", "a: &x 1\n---\nb: *x\n"));
    assertThat(((ScalarNode) ((MapNode) documents.get(1)).get("b")).value()).isEqualTo("1");
    ParsedYaml parsed = YamlReader.parse(new SourceFile("compose.yaml",
        "x: &tagged !override {a: 1}\n---\nservices: {web: {environment: *tagged}}\n"));
    assertThat(parsed.hasMergeTags(1)).isTrue();
  }

  @Test
  void unknownAnchorIsPositioned() {
    assertThat(errorOf("services:\n  web: *nope\n")).startsWith("compose.yaml:2:8: unknown anchor *nope");
  }

  @Test
  void multiDocumentStreamsGiveOneTreePerDocument() {
    List<Node> docs = YamlReader.read(new SourceFile("c.yaml", "services: {a: {image: x}}\n---\nservices: {b: {image: y}}\n"));
    assertThat(docs).hasSize(2);
  }

  @Test
  void invalidUtf8IsPositioned() {
    byte[] bytes = "services:\n  web:\n    image: \u00e9x\n".getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 4] = (byte) 0xFF;
    assertThatThrownBy(() -> SourceFiles.decode(bytes, "c.yaml"))
        .hasMessageStartingWith("c.yaml:3:12: invalid UTF-8: byte 0xFF");
  }

  @Test
  void aReplacementCharacterAndAByteOrderMarkAreReadAsWritten() {
    byte[] bytes = "\uFEFFservices: {web: {image: \"\uFFFD\u00e9\"}}\n".getBytes(StandardCharsets.UTF_8);
    assertThat(SourceFiles.decode(bytes, "c.yaml").text())
        .isEqualTo("\uFEFFservices: {web: {image: \"\uFFFD\u00e9\"}}\n");
  }

  @Test
  void blockScalarsEndAtTheirLastCharacter() {
    String text = "a: |\n  one\n  two\n\n# after\nb: 1\n";
    SourceRange r = scalar(root(text), "a").origin().at();
    assertThat(text.substring(r.startOffset(), r.endOffset())).isEqualTo("|\n  one\n  two");
  }

  @Test
  void sequencesEndAtTheirLastItem() {
    String text = "a:\n  - x\n  - y\n# tail\nb: 1\n";
    SeqNode seq = (SeqNode) root(text).get("a");
    assertThat(text.substring(seq.origin().at().startOffset(), seq.origin().at().endOffset()))
        .isEqualTo("- x\n  - y");
  }
}
