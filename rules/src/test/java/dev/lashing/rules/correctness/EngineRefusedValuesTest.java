package dev.lashing.rules.correctness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.lint.Fix;
import dev.lashing.lint.Policy;
import dev.lashing.rules.resources.MemoryLimit;
import dev.lashing.rules.resources.RestartPolicy;
import dev.lashing.rules.supplychain.ImageAllowlist;
import dev.lashing.rules.supplychain.ImageDigest;
import dev.lashing.rules.supplychain.ImageMutableTag;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Values Compose passes through but the Docker engine refuses when it creates the container are reported, where
 * they are written, by the rule that owns the attribute.
 */
class EngineRefusedValuesTest {

  @Test
  void anUnknownRestartPolicyIsReportedByRestartPolicyWithAFix() {
    List<Finding> findings = RuleTester.of(new RestartPolicy())
        .file("compose.yaml", """
            services:
              web:
                image: nginx:1.27
                restart: sometimes   # expect: restart-policy
              api:
                image: example/api:2
                restart: unless-stopped
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).isEqualTo("web has restart: sometimes, which is no restart policy the"
        + " engine knows, so it refuses to create the container; use \"no\", always, on-failure:N or unless-stopped");
    assertThat(findings.get(0).fix().changes())
        .containsExactly(new Fix.Set(List.of("services", "web", "restart"), "unless-stopped"));
  }

  @Test
  void underDevelopmentTheFixStopsTheServiceFromStartingByItself() {
    List<Finding> findings = RuleTester.of(new RestartPolicy())
        .policy(Policy.DEVELOPMENT)
        .file("compose.yaml", """
            services:
              web:
                image: nginx:1.27
                restart: on-crash   # expect: restart-policy
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).fix().changes())
        .containsExactly(new Fix.Set(List.of("services", "web", "restart"), "no"));
  }

  /**
   * The engine takes a retry count only with on-failure, and never a negative one; a count docker compose cannot
   * read it drops (strconv.Atoi, its error ignored), so the engine gets on-failure with no limit, and the message
   * says why.
   */
  @Test
  void aRetryCountTheEngineRefusesOrComposeDrops() {
    List<Finding> findings = RuleTester.of(new RestartPolicy())
        .file("compose.yaml", """
            services:
              a: {image: "x:1", restart: "on-failure:-1"}   # expect: restart-policy
              b: {image: "x:1", restart: "always:3"}        # expect: restart-policy
              c: {image: "x:1", restart: "unless-stopped:0"}
              d: {image: "x:1", restart: "on-failure:abc"}  # expect: restart-policy
              e: {image: "x:1", restart: "on-failure:"}     # expect: restart-policy
              f: {image: "x:1", restart: "on-failure:1.5"}  # expect: restart-policy
              g: {image: "x:1", restart: "on-failure:+3"}
              h:
                image: "x:1"
                deploy:
                  restart_policy: {condition: any, max_attempts: 3}   # expect: restart-policy
            """)
        .expectMarkedFindings();
    assertThat(findings).extracting(Finding::message).containsExactly(
        "a has restart: on-failure:-1, a negative retry count, which the engine refuses, so it does not create the"
            + " container; cap the retries at 5",
        "b has restart: always:3, a retry count, which the engine takes only with on-failure, so it does not create"
            + " the container; write restart: always",
        "d restarts without limit while it keeps failing (restart: on-failure:abc, where Compose reads no count from"
            + " 'abc' and passes none); cap the retries at 5",
        "e restarts without limit while it keeps failing (restart: on-failure:, where Compose reads no count from ''"
            + " and passes none); cap the retries at 5",
        "f restarts without limit while it keeps failing (restart: on-failure:1.5, where Compose reads no count from"
            + " '1.5' and passes none); cap the retries at 5",
        "h has deploy.restart_policy condition any, a retry count, which the engine takes only with on-failure, so"
            + " it does not create the container; remove max_attempts");
    assertThat(findings.get(0).fix().changes())
        .containsExactly(new Fix.Set(List.of("services", "a", "restart"), "on-failure:5"));
    assertThat(findings.get(1).fix().changes())
        .containsExactly(new Fix.Set(List.of("services", "b", "restart"), "always"));
    assertThat(findings.get(5).fix().changes())
        .containsExactly(new Fix.Remove(List.of("services", "h", "deploy", "restart_policy", "max_attempts")));
  }

  @Test
  void aStopSignalThatIsNoSignalIsReportedByInvalidValue() {
    RuleTester.of(new InvalidValue())
        .file("compose.yaml", """
            services:
              a: {image: "x:1", stop_signal: SIGTERM}
              b: {image: "x:1", stop_signal: quit}
              c: {image: "x:1", stop_signal: "9"}
              d: {image: "x:1", stop_signal: SIGRTMIN+3}
              e: {image: "x:1", stop_signal: SIGSTOPP}   # expect: invalid-value
              f: {image: "x:1", stop_signal: "65"}       # expect: invalid-value
              g: {image: "x:1", stop_signal: graceful}   # expect: invalid-value
            """)
        .expectMarkedFindings();
  }

  /** A hostile value gives a message of a line: the 5 MB image a tester tried made a 5 MB report. */
  @Test
  void aLongRefusedValueIsQuotedByItsStart() {
    String image = "A".repeat(5000);
    List<Finding> findings = RuleTester.of(new InvalidValue())
        .file("compose.yaml", "services:\n  a: {image: \"" + image + "\"}   # expect: invalid-value\n"
            + "  b: {image: \"x:1\", container_name: \"" + "ab ".repeat(2000) + "\"}   # expect: invalid-value\n")
        .expectMarkedFindings();
    assertThat(findings).allSatisfy(f -> assertThat(f.message()).hasSizeLessThan(400));
    assertThat(findings.get(0).message()).startsWith("image " + "A".repeat(80) + "… (5000 characters) of a is not");
  }

  @Test
  void aContainerNameTheEngineRefusesIsReportedByInvalidValue() {
    List<Finding> findings = RuleTester.of(new InvalidValue())
        .file("compose.yaml", """
            services:
              a: {image: "x:1", container_name: my-app_1.0}
              b: {image: "x:1", container_name: "my app"}      # expect: invalid-value
              c: {image: "x:1", container_name: "ok!"}         # expect: invalid-value
              d: {image: "x:1", container_name: _hidden}       # expect: invalid-value
              e: {image: "x:1", container_name: "app-${UNSET}"}
              f: {image: "x:1", container_name: "${UNSET} app"}
              g: {image: "x:1", container_name: "app/${HOME:-x}"} # expect: invalid-value
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).isEqualTo("container_name 'my app' of b is not a name the engine accepts"
        + " (\"only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed\", at least two characters), so docker compose cannot create"
        + " the container; use letters, digits, '_', '.' and '-'");
  }

  @Test
  void memoryAndCpuLimitsBelowTheEngineMinimumsAreReportedByInvalidValue() {
    List<Finding> findings = RuleTester.of(new InvalidValue())
        .file("compose.yaml", """
            services:
              web:
                image: nginx:1.27
                mem_limit: 1m          # expect: invalid-value
                cpus: 0.001            # expect: invalid-value
              exact:
                image: nginx:1.27
                mem_limit: 6m
                mem_reservation: 6m
                memswap_limit: 6m
                cpus: 0.01
              deployed:
                image: nginx:1.27
                deploy:
                  resources:
                    limits:
                      memory: 5m       # expect: invalid-value
                      cpus: "0.005"    # expect: invalid-value
                    reservations:
                      memory: 1k       # expect: invalid-value
                      cpus: "0.001"
              legacyReservation:
                image: nginx:1.27
                mem_reservation: 2m    # expect: invalid-value
              none:
                image: nginx:1.27
                mem_limit: 0
                cpus: 0
              many:
                image: nginx:1.27
                cpus: 99999999999      # expect: invalid-value
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).isEqualTo("mem_limit 1m of web is below the engine's minimum of 6m, so the"
        + " engine refuses to create the container (\"Minimum memory limit allowed is 6MB\"); raise it to at least 6m");
    assertThat(findings.get(0).at().column()).isEqualTo(16);
    assertThat(findings.get(1).message()).isEqualTo("cpus 0.001 of web is below the engine's minimum of 0.01 CPUs, so"
        + " the engine refuses to create the container (\"Range of CPUs is from 0.01 to N\"); raise it to at least"
        + " 0.01");
    assertThat(findings.get(2).message()).startsWith("deploy.resources.limits.memory 5m of deployed is below");
    assertThat(findings.get(4).message()).startsWith("deploy.resources.reservations.memory 1k of deployed")
        .contains("\"Minimum memory reservation allowed is 6MB\"");
    assertThat(findings.get(6).message()).isEqualTo("cpus 99999999999 of many is more CPUs than docker compose can"
        + " give the engine (it passes cpus × 10^9 as a 64-bit integer, which this overflows), so the engine refuses"
        + " to create the container (\"Range of CPUs is from 0.01 to N\"); set the number of CPUs the service may use");
  }

  @Test
  void aLimitBelowItsReservationOrASwapLimitBelowTheLimitIsReported() {
    List<Finding> findings = RuleTester.of(new InvalidValue())
        .file("compose.yaml", """
            services:
              under:
                image: x:1
                mem_limit: 64m         # expect: invalid-value
                mem_reservation: 128m
              deployedUnder:
                image: x:1
                deploy:
                  resources:
                    limits: {memory: 64m}          # expect: invalid-value
                    reservations: {memory: 1g}
              swap:
                image: x:1
                mem_limit: 64m
                memswap_limit: 32m     # expect: invalid-value
              swapOnly:
                image: x:1
                memswap_limit: 1g      # expect: invalid-value
              unlimitedSwap:
                image: x:1
                mem_limit: 64m
                memswap_limit: -1
              unsetSwap:
                image: x:1
                mem_limit: 64m
                memswap_limit: 0
              enoughSwap:
                image: x:1
                deploy: {resources: {limits: {memory: 64m}}}
                memswap_limit: 64m
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).isEqualTo("mem_limit 64m of under is below under's memory reservation"
        + " mem_reservation 128m, so the engine refuses to create the container (\"Minimum memory limit can not be less"
        + " than memory reservation limit\"); raise the limit or lower the reservation");
    assertThat(findings.get(2).message()).contains("memswap_limit 32m of swap is below swap's memory limit mem_limit 64m")
        .contains("\"Minimum memoryswap limit should be larger than memory limit\"");
    assertThat(findings.get(3).message()).contains("memswap_limit 1g of swapOnly is set without a memory limit")
        .contains("\"You should always set the Memory limit when using Memoryswap limit\"");
  }

  /**
   * Compose reads -1 as a byte size and passes it on; the engine refuses any memory limit below its minimum but 0,
   * so -1 is no "unlimited" there as it is for memswap_limit: invalid-value reports it, and memory-limit leaves it.
   * A negative reservation the engine ignores.
   */
  @Test
  void aNegativeMemoryLimitIsRefusedNotReadAsUnlimited() {
    List<Finding> findings = RuleTester.of(new InvalidValue(), new MemoryLimit())
        .file("compose.yaml", """
            services:
              legacy:
                image: x:1
                mem_limit: -1          # expect: invalid-value
                memswap_limit: 1g
              deployed:
                image: x:1
                deploy:
                  resources:
                    limits: {memory: "-1"}   # expect: invalid-value
              reservation:
                image: x:1
                mem_limit: 64m
                mem_reservation: -1
                memswap_limit: -1
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).isEqualTo("mem_limit -1 of legacy is negative, which the engine does not"
        + " read as no limit, so the engine refuses to create the container (\"Minimum memory limit allowed is 6MB\");"
        + " remove it for no limit, or set one of at least 6m");
    assertThat(findings.get(0).at().column()).isEqualTo(16);
    assertThat(findings.get(1).message()).startsWith("deploy.resources.limits.memory -1 of deployed is negative");
    assertThat(findings).allSatisfy(f -> assertThat(f.fix()).isNull());
  }

  @Test
  void aCfsPeriodOrQuotaTheEngineRefusesIsReported() {
    List<Finding> findings = RuleTester.of(new InvalidValue())
        .file("compose.yaml", """
            services:
              shortPeriod: {image: "x:1", cpu_period: 100}            # expect: invalid-value
              longPeriod: {image: "x:1", cpu_period: 2000000}         # expect: invalid-value
              negativePeriod: {image: "x:1", cpu_period: -1}          # expect: invalid-value
              periods: {image: "x:1", cpu_period: 1000, cpu_quota: 1000}
              longest: {image: "x:1", cpu_period: 1000000, cpu_quota: -1}
              unset: {image: "x:1", cpu_period: 0, cpu_quota: 0}
              shortQuota: {image: "x:1", cpu_quota: 999}              # expect: invalid-value
              withCpus: {image: "x:1", cpus: 0.5, cpu_period: 100000}   # expect: invalid-value
              quotaWithCpus: {image: "x:1", cpus: 0.5, cpu_quota: 50000}  # expect: invalid-value
              unlimitedQuota: {image: "x:1", cpus: 0.5, cpu_quota: -1}
              noCpus: {image: "x:1", cpus: 0, cpu_period: 100000, cpu_quota: 50000}
              deployed:
                image: x:1
                cpu_period: 50000                                       # expect: invalid-value
                deploy: {resources: {limits: {cpus: "2"}}}
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).isEqualTo("cpu_period 100 of shortPeriod is outside 1000 to 1000000"
        + " microseconds, so the engine refuses to create the container (\"CPU cfs period can not be less than 1ms"
        + " (i.e. 1000) or larger than 1s (i.e. 1000000)\"); set it in microseconds, from 1000 to 1000000 (the"
        + " kernel's default is 100000)");
    assertThat(findings.get(0).at().column()).isEqualTo(43);
    assertThat(findings.get(3).message()).isEqualTo("cpu_quota 999 of shortQuota is below 1000 microseconds, so the"
        + " engine refuses to create the container (\"CPU cfs quota can not be less than 1ms (i.e. 1000)\"); set it in"
        + " microseconds, at least 1000 (the CPU time per cpu_period, 100000 by default)");
    assertThat(findings.get(4).message()).isEqualTo("cpu_period 100000 of withCpus is set beside cpus 0.5, so the"
        + " engine refuses to create the container (\"Conflicting options: Nano CPUs and CPU Period cannot both be"
        + " set\"); keep one of them: cpus sets the period and the quota itself");
    assertThat(findings.get(5).message()).contains("cpu_quota 50000 of quotaWithCpus is set beside cpus 0.5")
        .contains("\"Conflicting options: Nano CPUs and CPU Quota cannot both be set\"");
    assertThat(findings.get(6).message())
        .startsWith("cpu_period 50000 of deployed is set beside deploy.resources.limits.cpus 2,");
  }

  @Test
  void realTimeCpuSharesAndBlockIoWeightsTheEngineRefusesAreReported() {
    List<Finding> findings = RuleTester.of(new InvalidValue())
        .file("compose.yaml", """
            services:
              realtime: {image: "x:1", cpu_rt_runtime: 95000, cpu_rt_period: 1000}  # expect: invalid-value
              fullRealtime: {image: "x:1", cpu_rt_runtime: 1000000, cpu_rt_period: 1000000}
              runtimeOnly: {image: "x:1", cpu_rt_runtime: 95000}
              shares: {image: "x:1", cpu_shares: -5}                   # expect: invalid-value
              noShares: {image: "x:1", cpu_shares: 0}
              lightest: {image: "x:1", blkio_config: {weight: 5}}      # expect: invalid-value
              heaviest: {image: "x:1", blkio_config: {weight: 1001}}   # expect: invalid-value
              bounds: {image: "x:1", blkio_config: {weight: 10}}
              bounds2: {image: "x:1", blkio_config: {weight: 1000}}
              unsetWeight: {image: "x:1", blkio_config: {weight: 0}}
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).isEqualTo("cpu_rt_runtime 95000 of realtime is above its cpu_rt_period"
        + " 1000, so the engine refuses to create the container (\"cpu real-time runtime cannot be higher than cpu"
        + " real-time period\"); lower it to at most the period");
    assertThat(findings.get(1).message()).isEqualTo("cpu_shares -5 of shares is negative, so the engine refuses to"
        + " create the container (\"invalid CPU shares (-5): value must be a positive integer\"); use a positive"
        + " weight (the default is 1024), or remove it");
    assertThat(findings.get(2).message()).isEqualTo("blkio_config.weight 5 of lightest is outside 10 to 1000, so the"
        + " engine refuses to create the container (\"Range of blkio weight is from 10 to 1000\"); use a weight from 10"
        + " to 1000, or remove it");
  }

  @Test
  void aSwappinessOrShmSizeTheEngineRefusesIsReported() {
    List<Finding> findings = RuleTester.of(new InvalidValue())
        .file("compose.yaml", """
            services:
              swappy: {image: "x:1", mem_swappiness: 200}      # expect: invalid-value
              negative: {image: "x:1", mem_swappiness: -2}     # expect: invalid-value
              hostDefault: {image: "x:1", mem_swappiness: -1}
              none: {image: "x:1", mem_swappiness: 0}
              most: {image: "x:1", mem_swappiness: 100}
              shm: {image: "x:1", shm_size: -1}                # expect: invalid-value
              defaultShm: {image: "x:1", shm_size: 0}
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).isEqualTo("mem_swappiness 200 of swappy is outside 0 to 100, so an engine"
        + " on cgroup v1 refuses to create the container (\"Invalid value: 200, valid memory swappiness range is"
        + " 0-100\") and one on cgroup v2 ignores it; use a percentage from 0 to 100, or remove it for the host's"
        + " default");
    assertThat(findings.get(2).message()).isEqualTo("shm_size -1 of shm is negative, so the engine refuses to create"
        + " the container (\"SHM size can not be less than 0\"); remove it for the engine's default size, or set one"
        + " such as 64m");
  }

  /** A value left wrong only by a variable the project does not set is unset-variable's to report. */
  @Test
  void aSettingLeftWrongOnlyByAnUnsetVariableIsLeftToUnsetVariable() {
    RuleTester.of(new InvalidValue())
        .file("compose.yaml", """
            services:
              a: {image: "x:1", cpu_quota: "5${UNSET}"}
              b: {image: "x:1", cpu_quota: "5${SET}"}          # expect: invalid-value
              c: {image: "x:1", mem_limit: "${UNSET}1m"}
              d: {image: "x:1", mem_limit: "${ONE}m"}          # expect: invalid-value
              e: {image: "x:1", cpu_rt_runtime: 2000, cpu_rt_period: "1${UNSET}"}
              f: {image: "x:1", cpus: "0.5", cpu_period: "1${UNSET}00000"}
              h: {image: "x:1", cpus: "${UNSET}0.5", cpu_quota: 50000}
              g: {image: "x:1", cpu_quota: "5${UNSET:-}"}      # expect: invalid-value
            """)
        .environment(Map.of("SET", "0", "ONE", "1"))
        .expectMarkedFindings();
  }

  @Test
  void engineLimitsAreReportedWhereTheyAreWrittenThroughAnchorsExtendsAndOverrides() {
    RuleTester.of(new InvalidValue())
        .file("compose.yaml", """
            x-small: &small 1m         # expect: invalid-value
            services:
              a:
                image: x:1
                mem_limit: *small
              b:
                extends: {file: base.yaml, service: b}
              c:
                image: x:1
                mem_limit: 1g
            """)
        .extraFile("base.yaml", """
            services:
              b:
                image: x:1
                cpus: 0.001            # expect: invalid-value
            """)
        .file("compose.override.yaml", """
            services:
              c:
                mem_reservation: 2m    # expect: invalid-value
            """)
        .expectMarkedFindings();
  }

  @Test
  void aLimitSetByAVariableIsJudgedByItsValue() {
    RuleTester.of(new InvalidValue())
        .file("compose.yaml", """
            services:
              a:
                image: x:1
                mem_limit: ${MEM}      # expect: invalid-value
              b:
                image: x:1
                mem_limit: ${MEM_OK}
            """)
        .environment(Map.of("MEM", "1m", "MEM_OK", "6m"))
        .expectMarkedFindings();
  }

  @Test
  void imageReferencesTheEngineRefusesAreReportedByInvalidValue() {
    String hex = "0123456789abcdef".repeat(4);
    List<Finding> findings = RuleTester.of(new InvalidValue())
        .file("compose.yaml", """
            services:
              bad:
                image: Nginx:Latest                   # expect: invalid-value
              bad2:
                image: "nginx:1.2 3"                  # expect: invalid-value
              emptyTag:
                image: "nginx:"                       # expect: invalid-value
              shortDigest:
                image: nginx@sha256:%1$.40s           # expect: invalid-value
              upperDigest:
                image: nginx@sha256:%2$s              # expect: invalid-value
              long:
                image: ghcr.io/%3$s:1                 # expect: invalid-value
              id:
                image: %1$s                           # expect: invalid-value
              port:
                image: localhost:5000/app:1
              pinned:
                image: nginx:1.27@sha256:%1$s
              registry:
                image: registry.example.com:443/team/app@sha512:%1$s%1$s
              built:
                build: .
                image: Acme/App:1                     # expect: invalid-value
              hooked:
                image: x:1
                pre_start:
                  - image: BusyBox:1.36               # expect: invalid-value
                    command: ["true"]
                volumes:
                  - type: image
                    source: "data:"                   # expect: invalid-value
                    target: /data
              context:
                build:
                  context: .
                  additional_contexts:
                    base: docker-image://Alpine:3     # expect: invalid-value
            """.formatted(hex, hex.toUpperCase(), "a".repeat(256)))
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).isEqualTo("image Nginx:Latest of bad is not an image reference the engine"
        + " accepts (\"invalid reference format: repository name (library/Nginx) must be lowercase\"), so docker"
        + " compose cannot pull or build it");
    // each points at the part at fault: the repository, the space, the empty tag, the digest
    assertThat(findings.get(0).at().column()).isEqualTo(12);
    assertThat(findings.get(0).at().endColumn()).isEqualTo(17);
    assertThat(findings.get(1).at().column()).isEqualTo(22);
    assertThat(findings.get(2).at().column()).isEqualTo(18);
    assertThat(findings.get(3).message()).contains("\"invalid checksum digest length\"");
    assertThat(findings.get(3).at().column()).isEqualTo(18);
    assertThat(findings.get(4).message()).contains("\"invalid checksum digest format\"");
    assertThat(findings.get(5).message()).contains("\"repository name must not be more than 255 characters\"");
    assertThat(findings.get(6).message()).contains("cannot specify 64-byte hexadecimal strings");
    assertThat(findings.get(8).message()).startsWith("pre_start image BusyBox:1.36 of hooked");
    assertThat(findings.get(9).message()).startsWith("volume source image data: of hooked");
    assertThat(findings.get(10).message()).startsWith("build context docker-image://Alpine:3 of context");
    assertThat(findings.get(10).at().column()).isEqualTo(30);
  }

  @Test
  void anImageLeftInvalidOnlyByVariablesTheProjectDoesNotSetIsLeftToUnsetVariable() {
    RuleTester.of(new InvalidValue())
        .file("compose.yaml", """
            services:
              unset:
                image: ${REGISTRY}/app:${TAG}
              unsetDigest:
                image: app@${DIGEST}
              set:
                image: ${REGISTRY_SET}/App:${TAG_SET}   # expect: invalid-value
              setBadTag:
                image: app:${BAD_TAG}                   # expect: invalid-value
              invalidAnyway:
                image: Nginx:${TAG}                     # expect: invalid-value
              fromADefault:
                image: app:${MISSING:-}                 # expect: invalid-value
            """)
        .environment(Map.of("REGISTRY_SET", "ghcr.io", "TAG_SET", "1", "BAD_TAG", "1 2"))
        .expectMarkedFindings();
  }

  @Test
  void theImageRulesLeaveAnInvalidReferenceToInvalidValue() {
    RuleTester.of(new InvalidValue(), new ImageMutableTag(), new ImageDigest(), new ImageAllowlist())
        .policy(Policy.PRODUCTION)
        .options(Map.of("allowed", List.of("ghcr.io/acme/*")))
        .file("compose.yaml", """
            services:
              bad:
                image: Nginx:Latest                   # expect: invalid-value
              badDigest:
                image: nginx@sha256:%s                # expect: invalid-value
              good:
                image: nginx:latest                   # expect: image-mutable-tag, image-digest, image-allowlist
            """.formatted("0".repeat(40)))
        .expectMarkedFindings();
  }
}
