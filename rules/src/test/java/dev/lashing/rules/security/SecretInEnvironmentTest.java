package dev.lashing.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretInEnvironmentTest {

  @Test
  void literalCredentialsInMapAndListForm() {
    List<Finding> findings = RuleTester.of(new SecretInEnvironment())
        .file("compose.yaml", """
            services:
              db:
                image: postgres:16
                environment:
                  POSTGRES_PASSWORD: hunter2   # expect: secret-in-environment
                  POSTGRES_USER: app
                  POSTGRES_PASSWORD_FILE: /run/secrets/db_password
                  EMPTY_PASSWORD: ""
                  MYSQL_ALLOW_EMPTY_PASSWORD: "yes"
                  API_KEY: 'abc''123'   # expect: secret-in-environment
                  AWS_ACCESS_KEY_ID: AKIAIOSFODNN7EXAMPLE
                  AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI$$K7MDENG"   # expect: secret-in-environment
                  githubToken: ghp_0123456789   # expect: secret-in-environment
                  TOKEN_TTL: 3600
                  PASSWORD_MIN_LENGTH: 12
                  API_KEY_RATE_LIMIT: 100
                  ACCESS_TOKEN_EXPIRE_MINUTES: 60
                  MAX_TOKENS: 4096
                  OAUTH_CREDENTIALS_SOURCE: USER_INFO
                  SECRET_KEY_BASE: 0a1b2c3d   # expect: secret-in-environment
                  ENCRYPTION_KEYS: k1,k2   # expect: secret-in-environment
                  PWD: /app
                  PIN_PASSWORD: 1234   # expect: secret-in-environment
              api:
                image: api:1
                environment:
                  - DB_PASSWORD=s3cret   # expect: secret-in-environment
                  - "JWT_SECRET=abc"   # expect: secret-in-environment
                  - DB_HOST=db
                  - SESSION_SECRET=
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).isEqualTo("service 'db' sets the environment variable POSTGRES_PASSWORD"
        + " to a literal value: everyone who can read this file or its history in version control has it; use a"
        + " Compose secret (mounted at /run/secrets/), or reference a variable set outside the file"
        + " (POSTGRES_PASSWORD: ${POSTGRES_PASSWORD})");
    assertThat(findings).extracting(Finding::message).noneMatch(m -> m.contains("hunter2") || m.contains("s3cret"));
    assertThat(findings.get(0).at().column()).isEqualTo(26);
    assertThat(findings.get(7).at().column()).isEqualTo(9);
  }

  @Test
  void variablesAreNotLiteralsButTheirLiteralDefaultsAre() {
    List<Finding> findings = RuleTester.of(new SecretInEnvironment())
        .environment(Map.of("DB_PASSWORD", "from-the-environment", "REDIS_PASSWORD", "also-from-it",
            "REQUIRED_TOKEN", "from-the-environment-too"))
        .file("compose.yaml", """
            services:
              app:
                image: app:1
                environment:
                  DB_PASSWORD: ${DB_PASSWORD}
                  UNSET_PASSWORD: ${UNSET_PASSWORD}
                  REQUIRED_TOKEN: ${REQUIRED_TOKEN:?set REQUIRED_TOKEN}
                  ADMIN_PASSWORD: ${ADMIN_PASSWORD:-changeme}   # expect: secret-in-environment
                  REPLICA_DB_PASSWORD: ${DB_PASSWORD:-changeme}   # expect: secret-in-environment
                  NESTED_SECRET: ${A:-${B}}
                  REDIS_PASSWORD:
              worker:
                image: worker:1
                environment:
                  - REDIS_PASSWORD
                  - API_TOKEN=${API_TOKEN-dev-token}   # expect: secret-in-environment
                  - OTHER_TOKEN=${OTHER_TOKEN}
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).isEqualTo("service 'app' gives the environment variable ADMIN_PASSWORD a"
        + " literal default in its ${...} reference: the default is in the file for everyone to read, and is used"
        + " whenever the variable is unset; remove the default so the variable must be set (${NAME:?NAME is"
        + " required})");
  }

  @Test
  void envFilesAreNotTheComposeFile() {
    RuleTester.of(new SecretInEnvironment())
        .extraFile("db.env", "DB_PASSWORD=from-an-env-file\n")
        .file("compose.yaml", """
            services:
              app:
                image: app:1
                env_file: db.env
                environment:
                  APP_TOKEN: literal   # expect: secret-in-environment
            """)
        .expectMarkedFindings();
  }

  @Test
  void buildArgs() {
    List<Finding> findings = RuleTester.of(new SecretInEnvironment())
        .file("compose.yaml", """
            services:
              app:
                build:
                  context: .
                  args:
                    NPM_TOKEN: npm_abcdef   # expect: secret-in-environment
                    NODE_VERSION: "22"
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).startsWith("service 'app' sets the build arg NPM_TOKEN to a literal value")
        .endsWith("; build args also stay in the image's history, so pass it as a build secret (build.secrets)"
            + " instead");
  }

  @Test
  void fromAnAnchorExtendsAndAnOverrideFile() {
    List<Finding> findings = RuleTester.of(new SecretInEnvironment())
        .extraFile("base.yaml", """
            services:
              base:
                image: base:1
                environment:
                  BASE_SECRET: from-base   # expect: secret-in-environment
            """)
        .file("compose.yaml", """
            x-env: &env
              SHARED_PASSWORD: shared   # expect: secret-in-environment, secret-in-environment
            services:
              a:
                image: a:1
                environment: *env
              b:
                image: b:1
                environment:
                  <<: *env
              c:
                extends: {file: base.yaml, service: base}
            """)
        .file("compose.override.yaml", """
            services:
              c:
                environment:
                  - OVERRIDE_TOKEN=tok   # expect: secret-in-environment
            """)
        .expectMarkedFindings();
    assertThat(findings).filteredOn(f -> f.message().contains("SHARED_PASSWORD"))
        .allSatisfy(f -> assertThat(f.via()).isNotEmpty());
  }

  @Test
  void theFindingKnowsWhereTheValueIsWrittenSoOutputsMaskIt() {
    String compose = """
        services:
          db:
            image: postgres:16
            environment:
              POSTGRES_PASSWORD: "hunter2"   # expect: secret-in-environment
              API_TOKEN: ${API_TOKEN:-devtoken}   # expect: secret-in-environment
          app:
            image: app:1
            environment:
              - APP_SECRET=abc123   # expect: secret-in-environment
        """;
    List<Finding> findings =
        RuleTester.of(new SecretInEnvironment()).file("compose.yaml", compose).expectMarkedFindings();
    assertThat(findings).extracting(f -> compose.substring(f.secret().startOffset(), f.secret().endOffset()))
        .containsExactly("hunter2", "devtoken", "abc123");
  }

  @Test
  void theSecretIsMaskedWhereItIsWrittenInEveryStyle() {
    String compose = """
        services:
          db:
            image: postgres:16
            environment:
              POSTGRES_PASSWORD: "hunter\\x32"
              API_TOKEN: >-
                tok-abc
                tok-def
          app:
            image: app:1
            environment:
              - SESSION_SECRET=correct horse
                battery staple
        """;
    List<Finding> findings = RuleTester.of(new SecretInEnvironment()).file("compose.yaml", compose).findings();
    assertThat(findings).extracting(f -> compose.substring(f.secret().startOffset(), f.secret().endOffset()))
        .containsExactly("hunter\\x32", "tok-abc\n        tok-def", "correct horse\n        battery staple");
    assertThat(findings).extracting(f -> f.secret().line() + ":" + f.secret().column())
        .containsExactly("5:27", "7:9", "12:24");
  }
}
