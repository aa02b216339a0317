package dev.lashing.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Category;
import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityRulesTest {
  private static final List<RuleInfo> RULES = SecurityRules.all().stream().map(Rule::info).toList();

  @Test
  void listedOnceEachSortedById() {
    List<String> ids = RULES.stream().map(RuleInfo::id).toList();
    assertThat(ids).doesNotHaveDuplicates().isSorted().containsExactly(
        "cap-drop-all", "cgroup-parent", "dangerous-capability", "dangerous-device", "docker-socket",
        "host-namespace", "host-network", "no-new-privileges", "non-root-user", "privileged", "privileged-port",
        "read-only-rootfs", "secret-in-command", "secret-in-environment", "secret-in-url", "security-profile-disabled",
        "sensitive-mount", "shared-propagation", "tmpfs-exec");
  }

  @Test
  void metadata() {
    assertThat(RULES).allSatisfy(info -> {
      assertThat(info.category()).isEqualTo(Category.SECURITY);
      assertThat(info.summary()).doesNotEndWith(".");
      assertThat(info.cis()).matches("|[0-9]+\\.[0-9]+(, [0-9]+\\.[0-9]+)*");
      assertThat(info.cisV15().isEmpty()).isEqualTo(info.cis().isEmpty());
    });
    assertThat(RULES.stream().filter(RuleInfo::fixable).map(RuleInfo::id))
        .containsExactlyInAnyOrder("privileged", "no-new-privileges", "cap-drop-all", "read-only-rootfs");
  }

  @Test
  void everyRuleHasADocumentationPage() {
    Path docs = Path.of(System.getProperty("lashing.root", "..")).resolve("docs/rules");
    assertThat(RULES).allSatisfy(info -> {
      String page = Files.readString(docs.resolve(info.id() + ".md"));
      assertThat(page).startsWith("# " + info.id() + "\n\n" + info.summary() + ". Severity: **"
          + info.severity().label() + "**");
      assertThat(page).contains(info.cis().split(",")[0], "# lashing-ignore " + info.id() + " -- ");
    });
  }
}
