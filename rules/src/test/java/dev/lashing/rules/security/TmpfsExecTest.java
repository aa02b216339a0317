package dev.lashing.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class TmpfsExecTest {

  @Test
  void optionsThatTurnProtectionsBackOn() {
    String compose = """
        services:
          app:
            image: app:1
            tmpfs:
              - /run:exec,size=64m   # expect: tmpfs-exec
              - /tmp:size=100m,mode=1777
              - /cache:rw,noexec,nosuid,nodev
              - /scratch:suid,dev   # expect: tmpfs-exec, tmpfs-exec
              - /later:exec,noexec
              - /again:noexec,exec   # expect: tmpfs-exec
              - /exec
          worker:
            image: worker:1
            tmpfs: /work:exec   # expect: tmpfs-exec
        """;
    List<Finding> findings = RuleTester.of(new TmpfsExec()).file("compose.yaml", compose).expectMarkedFindings();
    assertThat(findings.get(0).message()).isEqualTo("service 'app' mounts a tmpfs at /run with exec, allowing"
        + " running programs written to it: Docker mounts a tmpfs noexec because a writable directory is where"
        + " an attacker's downloads land; remove exec, or say why the service needs it in a lashing-ignore"
        + " comment");
    assertThat(findings).extracting(f -> compose.substring(f.at().startOffset(), f.at().endOffset()))
        .containsExactly("exec", "suid", "dev", "exec", "exec");
    assertThat(findings.get(3).at().column()).isEqualTo(23);
  }

  @Test
  void theOptionIsPlacedWhereItIsWrittenInEveryStyle() {
    String compose = """
        services:
          app:
            image: app:1
            tmpfs:
              - "/run:\\x65xec,size=64m"
              - >-
                /tmp:size=100m,
                suid
        """;
    List<Finding> findings = RuleTester.of(new TmpfsExec()).file("compose.yaml", compose).findings();
    assertThat(findings).extracting(f -> compose.substring(f.at().startOffset(), f.at().endOffset()))
        .containsExactly("\\x65xec", "suid");
    assertThat(findings).extracting(f -> f.at().line() + ":" + f.at().column()).containsExactly("5:15", "8:9");
  }
}
