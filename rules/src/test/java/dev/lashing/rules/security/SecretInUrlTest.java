package dev.lashing.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretInUrlTest {

  @Test
  void passwordsInConnectionStrings() {
    List<Finding> findings = RuleTester.of(new SecretInUrl())
        .file("compose.yaml", """
            services:
              app:
                image: app:1
                environment:
                  DATABASE_URL: postgres://app:s3cret@db:5432/app   # expect: secret-in-url
                  REDIS_URL: redis://:redispass@cache:6379/0   # expect: secret-in-url
                  PUBLIC_URL: https://example.com:8443/path
                  GIT_REMOTE: ssh://git@github.com/org/repo.git
                  PLAIN_USER: https://user@example.com/
                command: ["--db", "mysql://root:toor@mysql/app"]   # expect: secret-in-url
                healthcheck:
                  test: curl -f http://admin:admin@localhost:8080/health   # expect: secret-in-url
              worker:
                image: worker:1
                environment:
                  - AMQP_URL=amqp://guest:guest@rabbit:5672/   # expect: secret-in-url
                entrypoint: ["worker", "--broker", "amqp://guest:${RABBIT_PASSWORD}@rabbit/"]
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).isEqualTo("service 'app' has a password in the URL"
        + " postgres://app:****@db:5432 (environment variable DATABASE_URL): everyone who can read this file, or"
        + " run docker inspect, has it; take it out of the URL and pass it as a variable set outside the file"
        + " (postgres://app:${PASSWORD}@...) or as a Compose secret");
    assertThat(findings).extracting(Finding::message)
        .noneMatch(m -> m.contains("s3cret") || m.contains("redispass") || m.contains("toor"));
    assertThat(findings.get(2).message()).contains("(command)");
    assertThat(findings.get(3).message()).contains("(healthcheck test)");
  }

  @Test
  void variablesInThePasswordAreNotLiteralsButTheirDefaultsAre() {
    RuleTester.of(new SecretInUrl())
        .environment(Map.of("DB_PASSWORD", "from-the-environment"))
        .file("compose.yaml", """
            services:
              app:
                image: app:1
                environment:
                  A_URL: postgres://app:${DB_PASSWORD}@db/app
                  B_URL: postgres://${DB_USER}:${UNSET_PASSWORD}@db/app
                  C_URL: postgres://app:${DB_PASSWORD:-devpass}@db/app   # expect: secret-in-url
                  D_URL: "postgres://app:${DB_PASSWORD:?required}@db/app"
                  E_URL: ${DATABASE_URL:-postgres://app:app@db/app}   # expect: secret-in-url
                command: psql postgres://app:$$literal@db/app --quiet   # expect: secret-in-url
            """)
        .expectMarkedFindings();
  }

  @Test
  void aStringCommandIsReportedOnce() {
    RuleTester.of(new SecretInUrl())
        .file("compose.yaml", """
            services:
              app:
                image: app:1
                command: migrate --from pg://a:${PW:-pw}@db/a --to pg://b:pw@db/b   # expect: secret-in-url
            """)
        .expectMarkedFindings();
  }

  @Test
  void fromAnAnchorExtendsAnOverrideFileAndHooks() {
    RuleTester.of(new SecretInUrl())
        .extraFile("base.yaml", """
            services:
              base:
                image: base:1
                environment:
                  MONGO_URL: mongodb://root:example@mongo:27017   # expect: secret-in-url
            """)
        .file("compose.yaml", """
            x-env: &env
              SENTRY_DSN: https://key:secretkey@sentry.example.com/1   # expect: secret-in-url
            services:
              a:
                image: a:1
                environment: *env
                post_start:
                  - command: ["sh", "-c", "curl http://u:p@hooks.local/started"]   # expect: secret-in-url
              b:
                extends: {file: base.yaml, service: base}
            """)
        .file("compose.override.yaml", """
            services:
              b:
                environment:
                  CACHE_URL: redis://:override@cache   # expect: secret-in-url
            """)
        .expectMarkedFindings();
  }

  @Test
  void aTokenInTheBuildContextOrAPasswordInALabel() {
    List<Finding> findings = RuleTester.of(new SecretInUrl())
        .file("compose.yaml", """
            services:
              app:
                build:
                  context: https://deploy:ghp_token1234@github.com/org/app.git#main   # expect: secret-in-url
                  additional_contexts:
                    assets: https://ci:hunter2@git.example.com/org/assets.git   # expect: secret-in-url
                    os: docker-image://alpine:3@sha256:54c5b3dd459d5ef778bb2fa1e23a5fb0e1b62ae66970bcb436e8f81a1a1a8e41
                labels:
                  - com.example.backup=s3://backup:s3cr3tkey@minio:9000/bucket   # expect: secret-in-url
                  - com.example.home=https://example.com/app
              web:
                build: https://github.com/org/web.git
                labels: {traefik.http.services.web.loadbalancer.server.url: "http://web:8080"}
            """)
        .expectMarkedFindings();
    assertThat(findings).extracting(Finding::message).anyMatch(m -> m.contains("(build context)"))
        .anyMatch(m -> m.contains("(build context assets)")).anyMatch(m -> m.contains("(label com.example.backup)"))
        .noneMatch(m -> m.contains("ghp_token1234") || m.contains("hunter2") || m.contains("s3cr3tkey"));
  }

  @Test
  void theFindingKnowsWhereThePasswordIsWrittenSoOutputsMaskIt() {
    String compose = """
        services:
          app:
            image: app:1
            environment:
              DATABASE_URL: postgres://app:s3cret@db:5432/app   # expect: secret-in-url
        """;
    List<Finding> findings = RuleTester.of(new SecretInUrl()).file("compose.yaml", compose).expectMarkedFindings();
    assertThat(findings).singleElement().satisfies(f ->
        assertThat(compose.substring(f.secret().startOffset(), f.secret().endOffset())).isEqualTo("s3cret"));
  }

  @Test
  void thePasswordIsMaskedWhereItIsWrittenInEveryStyle() {
    String compose = """
        services:
          app:
            image: app:1
            environment:
              A_URL: "postgres://app:s3cr\\x65t@db/app"
              B_URL: "postgres://app:p4ss\\
                w0rd@db/app"
              C_URL: >
                see
                redis://:r3dis@cache:6379
              D_URL: see
                amqp://guest:gu3st@rabbit
        """;
    List<Finding> findings = RuleTester.of(new SecretInUrl()).file("compose.yaml", compose).findings();
    assertThat(findings).extracting(f -> compose.substring(f.secret().startOffset(), f.secret().endOffset()))
        .containsExactly("s3cr\\x65t", "p4ss\\\n        w0rd", "r3dis", "gu3st");
    assertThat(findings).extracting(f -> f.secret().line() + ":" + f.secret().column())
        .containsExactly("5:30", "6:30", "10:18", "12:22");
  }

  @Test
  void thePasswordIsMaskedInItsUrlThoughTheUserHostOrDatabaseIsNamedAlike() {
    String compose = """
        services:
          app:
            image: app:1
            environment:
              A_URL: postgres://posthog:posthog@db:5432/posthog
              B_URL: redis://:redis@redis:6379
              C_URL: ${C_URL:-postgresql://plane:plane@plane-db/plane}
            command: migrate --from pg://a:pw@db/a --to pg://b:pw@db/b
        """;
    List<Finding> findings = RuleTester.of(new SecretInUrl()).file("compose.yaml", compose).findings();
    assertThat(findings).extracting(f -> f.secret().startOffset()).containsExactly(
        compose.indexOf(":posthog@") + 1, compose.indexOf(":redis@") + 1, compose.indexOf(":plane@") + 1,
        compose.indexOf(":pw@") + 1);
    assertThat(findings).extracting(f -> compose.substring(f.secret().startOffset(), f.secret().endOffset()))
        .containsExactly("posthog", "redis", "plane", "pw");
  }

  /**
   * A password read from a variable's default, or written with {@code $$}, is not written as read: what stands
   * between the user and the host is the secret, not a database named like the default.
   */
  @Test
  void aPasswordWrittenOtherwiseThanReadIsAllThatStandsBetweenUserAndHost() {
    String compose = """
        services:
          app:
            image: app:1
            environment:
              A_URL: "postgres://app:${PW:-app}@db:5432/app"
              B_URL: "redis://:pa$$word@cache:6379/0"
        """;
    List<Finding> findings = RuleTester.of(new SecretInUrl()).file("compose.yaml", compose).findings();
    assertThat(findings).extracting(f -> compose.substring(f.secret().startOffset(), f.secret().endOffset()))
        .containsExactly("${PW:-app}", "pa$$word");
  }
}
