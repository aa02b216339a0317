package dev.lashing.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.GeneratedRuleInfo;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.RuleRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The catalog as users see it: every rule registered, ids well-formed and unique, each documented. */
class CatalogTest {
  private final RuleRegistry registry = RuleRegistry.discover();

  @Test
  void builtInPackIsFoundThroughTheServiceLoader() {
    assertThat(registry.rules()).hasSizeGreaterThanOrEqualTo(new BuiltInRules().rules().size());
    assertThat(registry.get("yaml-syntax")).isNotNull();
    assertThat(registry.get("unused-suppression")).as("the engine's own rules").isNotNull();
  }

  @Test
  void idsAreKebabCaseAndUnique() {
    List<String> ids = registry.rules().stream().map(r -> r.info().id()).toList();
    assertThat(ids).doesNotHaveDuplicates().isSorted()
        .allSatisfy(id -> assertThat(id).matches("[a-z0-9]+(?:[-.][a-z0-9]+)*"));
  }

  @Test
  void everyRuleReturnsTheMetadataItsAnnotationDeclaresAsTheProcessorWroteItOut() {
    for (Rule rule : registry.rules()) {
      RuleInfo declared = rule.getClass().getAnnotation(RuleInfo.class);
      assertThat(rule.info()).as("metadata of %s", rule.getClass().getName())
          .isInstanceOf(GeneratedRuleInfo.class).isEqualTo(declared).hasSameHashCodeAs(declared);
      assertThat(declared).as("the annotation of %s", rule.getClass().getName()).isEqualTo(rule.info());
    }
  }

  @Test
  void everyRuleHasADocsPageAndASummary() {
    Path docs = Path.of(System.getProperty("lashing.root", "..")).resolve("docs/rules");
    for (Rule rule : registry.rules()) {
      RuleInfo info = rule.info();
      assertThat(docs.resolve(info.id() + ".md")).as("docs page of %s", info.id()).isRegularFile();
      assertThat(info.summary()).as("summary of %s", info.id()).isNotBlank().doesNotEndWith(".");
    }
  }

  /** The README's "checks N ... rules" is the number `lashing rules` lists. */
  @Test
  void theReadmeCountsTheRules() throws Exception {
    String readme = Files.readString(Path.of(System.getProperty("lashing.root", "..")).resolve("README.md"));
    Matcher count = Pattern.compile("checks (\\d+) hardening and correctness rules").matcher(readme);
    assertThat(count.find()).as("the README says how many rules it checks").isTrue();
    assertThat(Integer.parseInt(count.group(1))).isEqualTo(registry.rules().size());
  }

  @Test
  void docsPagesBelongToRules() throws Exception {
    Path docs = Path.of(System.getProperty("lashing.root", "..")).resolve("docs/rules");
    try (var pages = Files.list(docs)) {
      assertThat(pages.map(p -> p.getFileName().toString().replaceFirst("\\.md$", "")))
          .as("pages without a rule")
          .allSatisfy(id -> assertThat(registry.get(id)).as(id).isNotNull());
    }
  }
}
