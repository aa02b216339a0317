package dev.lashing.rules.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Policy;
import dev.lashing.lint.Severity;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PidsLimitTest {

  @Test
  void reportsMissingZeroAndUnlimited() {
    RuleTester.of(new PidsLimit())
        .file("compose.yaml", """
            services:
              bare:                   # expect: pids-limit
                image: nginx:1.27
              legacy:
                image: nginx:1.27
                pids_limit: 100
              deployed:
                image: nginx:1.27
                deploy:
                  resources:
                    limits:
                      pids: 50
              unlimited:
                image: nginx:1.27
                pids_limit: -1         # expect: pids-limit
              zero:
                image: nginx:1.27
                deploy:
                  resources:
                    limits:
                      pids: 0          # expect: pids-limit
            """)
        .expectMarkedFindings();
  }

  @Test
  void fixSetsTheLimitWhereTheServiceWritesIt() {
    List<Finding> findings = RuleTester.of(new PidsLimit())
        .file("compose.yaml", """
            services:
              web:                    # expect: pids-limit
                image: nginx:1.27
              legacy:
                image: nginx:1.27
                pids_limit: -1         # expect: pids-limit
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).fix()).isEqualTo(new Fix("limit processes to 200", Fix.Safety.BEHAVIOUR_CHANGING,
        List.of(new Fix.Set(List.of("services", "web", "deploy", "resources", "limits", "pids"), 200L))));
    assertThat(findings.get(1).message()).contains("PIDs limit -1, which means none");
    assertThat(findings.get(1).fix().changes())
        .containsExactly(new Fix.Set(List.of("services", "legacy", "pids_limit"), 200L));
  }

  @Test
  void fixWritesTheLimitBesideTheOtherLimits() {
    List<Finding> findings = RuleTester.of(new PidsLimit())
        .file("compose.yaml", """
            services:
              legacy:                 # expect: pids-limit
                image: nginx:1.27
                mem_limit: 512m
              deployed:               # expect: pids-limit
                image: nginx:1.27
                deploy:
                  resources:
                    limits:
                      memory: 512m
              written:
                image: nginx:1.27
                deploy:
                  resources:
                    limits:
                      pids: -1        # expect: pids-limit
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).fix().changes())
        .containsExactly(new Fix.Set(List.of("services", "legacy", "pids_limit"), 200L));
    assertThat(findings.get(1).fix().changes()).as("Compose refuses pids_limit beside limits without pids")
        .containsExactly(new Fix.Set(List.of("services", "deployed", "deploy", "resources", "limits", "pids"), 200L));
    assertThat(findings.get(2).fix().changes())
        .containsExactly(new Fix.Set(List.of("services", "written", "deploy", "resources", "limits", "pids"), 200L));
  }

  /** With no limit written anywhere the memory and CPU fixes make deploy.resources.limits: the PID limit joins them. */
  @Test
  void fixJoinsTheDeployLimitsAndKeepsAWrittenPidsLimitEqual() {
    List<Finding> findings = RuleTester.of(new PidsLimit())
        .file("compose.yaml", """
            services:
              plain:                  # expect: pids-limit
                image: nginx:1.27
              both:
                image: nginx:1.27
                pids_limit: -1
                deploy:
                  resources:
                    limits:
                      cpus: "0.5"
                      pids: -1          # expect: pids-limit
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).fix().changes())
        .containsExactly(new Fix.Set(List.of("services", "plain", "deploy", "resources", "limits", "pids"), 200L));
    // Compose refuses a pids_limit that a limits mapping contradicts, by another value or by leaving pids out
    assertThat(findings.get(1).fix().changes()).as("Compose refuses two different values")
        .containsExactly(new Fix.Set(List.of("services", "both", "deploy", "resources", "limits", "pids"), 200L),
            new Fix.Set(List.of("services", "both", "pids_limit"), 200L));
  }

  @Test
  void theLimitIsAnOption() {
    Finding finding = RuleTester.of(new PidsLimit())
        .options(Map.of("pids", 512))
        .file("compose.yaml", """
            services:
              web:                    # expect: pids-limit
                image: nginx:1.27
            """)
        .expectMarkedFindings().get(0);
    assertThat(finding.fix().changes())
        .containsExactly(new Fix.Set(List.of("services", "web", "deploy", "resources", "limits", "pids"), 512L));
  }

  @Test
  void followsAnchorsExtendsOverridesAndVariables() {
    RuleTester.of(new PidsLimit())
        .policy(Policy.DEVELOPMENT)
        .file("compose.yaml", """
            x-pids: &pids
              pids_limit: -1           # expect: pids-limit
            services:
              anchored:
                <<: *pids
                image: nginx:1.27
              inherited:
                extends:
                  file: base.yaml
                  service: base
              variable:
                image: nginx:1.27
                pids_limit: ${PIDS:-100}
            """)
        .extraFile("base.yaml", """
            services:
              base:
                image: nginx:1.27
                pids_limit: 64
            """)
        .file("compose.override.yaml", """
            services:
              inherited:
                pids_limit: 0          # expect: pids-limit
            """)
        .expectMarkedFindings()
        .forEach(f -> assertThat(f.severity()).isEqualTo(Severity.LOW));
  }
}
