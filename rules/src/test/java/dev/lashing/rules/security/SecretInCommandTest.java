package dev.lashing.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.lint.Finding;
import dev.lashing.rules.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretInCommandTest {

  @Test
  void passwordsOnCommandLines() {
    List<Finding> findings = RuleTester.of(new SecretInCommand())
        .file("compose.yaml", """
            services:
              cache:
                image: redis:7
                command: redis-server --requirepass Zz9secret --appendonly yes   # expect: secret-in-command
                healthcheck:
                  test: ["CMD", "redis-cli", "-a", "Zz9secret", "ping"]   # expect: secret-in-command
              db:
                image: mysql:8
                healthcheck:
                  test: mysqladmin ping -h localhost -uroot -pR00tpass   # expect: secret-in-command
              app:
                image: app:1
                entrypoint: ["app", "--db-password=hunter22", "--port=8080"]   # expect: secret-in-command
                command: sh -c "PGPASSWORD=pgpass psql -h db -c 'select 1'"   # expect: secret-in-command
              worker:
                image: worker:1
                command: ["worker", "--token", "tok_123", "--threads", "4"]   # expect: secret-in-command
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).isEqualTo("service 'cache' passes a password on its command"
        + " (--requirepass): everyone who can read this file, or run docker inspect or ps on the host, has it;"
        + " have the container's shell read it from a variable set outside the file ($${PASSWORD}, with"
        + " PASSWORD: ${PASSWORD} in its environment) or from a Compose secret");
    assertThat(findings).extracting(Finding::message).noneMatch(m -> m.contains("Zz9secret")
        || m.contains("R00tpass") || m.contains("hunter22") || m.contains("pgpass") || m.contains("tok_123"));
  }

  @Test
  void aCommandMergedFromAnAnchorIsReportedForEachServiceThroughItsOwnMergeKey() {
    String compose = """
        x-cache: &cache
          image: redis:7
          healthcheck:
            test: redis-cli -a Zz9secret ping
        services:
          one:
            <<: *cache
          two:
            <<: *cache
        """;
    List<Finding> findings = RuleTester.of(new SecretInCommand()).file("compose.yaml", compose).findings();
    assertThat(findings).extracting(Finding::service).containsExactly("one", "two");
    assertThat(findings).extracting(f -> compose.substring(f.at().startOffset(), f.at().endOffset()))
        .containsExactly("Zz9secret", "Zz9secret");
    assertThat(findings).extracting(f -> f.inheritedFrom().line()).containsExactly(7, 9);
  }

  @Test
  void positionedOnTheValueWhichIsTheSecret() {
    String compose = """
        services:
          cache:
            image: redis:7
            command: redis-server --requirepass Zz9secret   # expect: secret-in-command
          app:
            image: app:1
            command: ["app", "--password='hunter22'"]   # expect: secret-in-command
        """;
    List<Finding> findings = RuleTester.of(new SecretInCommand()).file("compose.yaml", compose)
        .expectMarkedFindings();
    assertThat(findings).extracting(f -> compose.substring(f.at().startOffset(), f.at().endOffset()))
        .containsExactly("Zz9secret", "hunter22");
    assertThat(findings).allSatisfy(f -> assertThat(f.secret()).isEqualTo(f.at()));
  }

  @Test
  void variableReferencesAreNotLiterals() {
    List<Finding> findings = RuleTester.of(new SecretInCommand())
        .file("compose.yaml", """
            services:
              cache:
                image: redis:7
                command: redis-server --requirepass $${REDIS_PASSWORD} --appendonly yes
                healthcheck:
                  test: ["CMD-SHELL", "redis-cli -a \\"$$REDIS_PASSWORD\\" ping"]
              db:
                image: mysql:8
                command: ["mysqld", "--password", "${DB_PASSWORD}", "extra"]
                healthcheck:
                  test: mysqladmin ping -p$$MYSQL_ROOT_PASSWORD -P 3306
              app:
                image: app:1
                command: app --password-file /run/secrets/db --token=${TOKEN:-devtoken} --no-password --x   # expect: secret-in-command
              web:
                image: web:1
                command: web --password $(cat /run/secrets/pw) --db postgres://u:p@db/x -p 8080
            """)
        .expectMarkedFindings();
    assertThat(findings.get(0).message()).isEqualTo("service 'app' gives the password on its command (--token) a"
        + " literal default in its ${...} reference: the default is in the file for everyone to read, and is used"
        + " whenever the variable is unset; remove the default so the variable must be set"
        + " (${NAME:?NAME is required})");
  }

  @Test
  void theSecretIsPlacedWhereItIsWrittenInEveryStyle() {
    String compose = """
        services:
          cache:
            image: redis:7
            command: "redis-server --user abc --requirepass \\x61bc"
          db:
            image: mysql:8
            command: >-
              mysqld --user root
              --password=s3cret
          app:
            image: app:1
            command: app --token tok_1 --token
              tok_2
        """;
    List<Finding> findings = RuleTester.of(new SecretInCommand()).file("compose.yaml", compose).findings();
    assertThat(findings).extracting(f -> compose.substring(f.at().startOffset(), f.at().endOffset()))
        .containsExactly("\\x61bc", "s3cret", "tok_1", "tok_2");
    assertThat(findings).extracting(f -> f.at().line() + ":" + f.at().column())
        .containsExactly("4:53", "9:18", "12:26", "13:7");
    assertThat(findings).allSatisfy(f -> assertThat(f.secret()).isEqualTo(f.at()));
  }
}
