package dev.lashing.rules.correctness;

import dev.lashing.rules.security.Privileged;
import dev.lashing.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

/** Files valid under Compose's schema and loader of mid-2026 load, and what it refuses is reported in place. */
class ComposeOf2026Test {

  @Test
  void preStartHooksHaveTheirOwnShape() {
    RuleTester.of(new Schema(), new Privileged())
        .file("compose.yaml", """
            services:
              app:
                image: example/app:1.4
                pre_start:
                  - image: example/migrate:1.4
                    per_replica: true
                  - command: ["chown", "-R", "1000", "/data"]
                    per_replica: "false"
                    privileged: true   # expect: privileged
                post_start:
                  - image: example/other:1   # expect: schema
                    command: ["true"]
            """)
        .expectMarkedFindings();
  }

  @Test
  void aReservedDeviceWithoutCapabilitiesIsASchemaError() {
    RuleTester.of(new Schema(), new Privileged())
        .file("compose.yaml", """
            services:
              gpu:
                image: example/trainer:2
                privileged: true   # expect: privileged
                deploy:
                  resources:
                    reservations:
                      devices:
                        - driver: nvidia   # expect: schema
                          count: 1
                        - capabilities: [gpu]
            """)
        .expectMarkedFindings();
  }

  @Test
  void remoteIncludesAndExtendsAreNamedOnceAndTheRestIsLinted() {
    RuleTester.of(new RemoteResource(), new MissingFile(), new InvalidValue(), new Privileged())
        .file("compose.yaml", """
            include:
              - oci://registry.example.com/stacks/monitoring:1.2   # expect: remote-resource
            services:
              web:
                extends:
                  file: git@github.com:acme/base-compose.git   # expect: remote-resource
                  service: web
                privileged: true   # expect: privileged
            """)
        .expectMarkedFindings();
  }

  @Test
  void anUnknownEnvFileFormatIsRefusedAtTheFormat() {
    RuleTester.of(new InvalidValue(), new Privileged())
        .file("compose.yaml", """
            services:
              app:
                image: example/app:1.4
                privileged: true   # expect: privileged
                env_file:
                  - path: raw.env
                    format: raw
                  - path: app.env
                    format: json   # expect: invalid-value
            """)
        .extraFile("raw.env", "A=\"as written\"\n")
        .extraFile("app.env", "B=1\n")
        .expectMarkedFindings();
  }
}
