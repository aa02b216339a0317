package dev.lashing.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run of the distribution's ahead-of-time cache ({@code scripts/build-dist.sh} runs it once with
 * {@code -XX:AOTCacheOutput}): the commands people run most, on the shipped examples, in one JVM, so the cache
 * holds the classes, loaded and linked, and the resolved lambdas that lint, fix, patch and config need (no method
 * profiles: bin/lashing says why). The distribution has a second cache for {@code lashing lint}, trained on the most
 * common lint runs alone (see {@link #LINT}).
 * What they print is thrown away; only what the JVM saw while running them counts. One file is not an example: a
 * file with a mistake, so that the cache holds what explaining a schema error takes.
 */
public final class AotTraining {
  /** A report file the training writes and deletes, outside the examples. */
  private static final String REPORT = temporaryFile("");
  /**
   * A compose file with a misspelt key, which the training writes and deletes: what explaining a schema error
   * takes, which valid files never load (the most common mistake while a file is being written). And an image
   * reference Compose refuses, a template's placeholder left in (as in 4 of the corpus's 149 files): without it,
   * reporting one generated the lambdas of RefusedImages at run time.
   */
  private static final String MISTAKE = temporaryFile(".yaml");
  /**
   * A compose file in the shapes real files take that the examples do not (an explicit document start, flow
   * mappings, indentless sequences, block scalars of every chomping, tags, a list of merges, deploy resources,
   * extra hosts, namespace modes, IPAM pools, watch rules, durations, file modes, placement, extends, optional env
   * files, providers, models, DNS servers, a build's extra contexts and SSH keys, floats in the environment, images
   * of unset variables or with a pinned default, a build that names a public image), written and deleted by the
   * training: without it a lint of the corpus's 149 files loaded 135 classes from the jar (34 with it) and spun
   * their lambdas and string concatenations, a twentieth of its time. Each shape kept its messages' concatenations
   * out of the cache until the training reported it.
   */
  private static final String FEATURES = temporaryFile("-features.yaml");
  private static final String FEATURES_TEXT = """
      ---
      version: "3.8"
      name: features
      x-defaults: &defaults
        restart: unless-stopped
        logging: {driver: json-file, options: {max-size: 10m, max-file: "3"}}
      x-env: &env
        TZ: UTC
      services:
        web:
          <<: [*defaults]
          image: nginx:latest
          ports: ["80:80", "443:443/tcp"]
          volumes:
          - ./html:/usr/share/nginx/html:ro
          - /var/run/docker.sock:/var/run/docker.sock
          extra_hosts:
          - "host.docker.internal:host-gateway"
          - "db.local=10.0.0.5"
          environment: {<<: *env, MODE: production, API_KEY: "${API_KEY:-changeme}"}
          command: >-
            nginx -g 'daemon off;'
          healthcheck:
            test: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]
            interval: 1m30s
            timeout: 10s
            start_period: 40s
            retries: 3
          depends_on:
            db: {condition: service_healthy}
            cache:
              condition: service_started
              restart: true
            migrate:
              condition: service_completed_successfully
          dns: 1.1.1.1
          models: [smol]
          stop_signal: SIGQUIT
          stop_grace_period: 1m
          cap_add: [NET_ADMIN, SYS_ADMIN]
          networks: [front, back]
        db:
          image: !!str postgres:16
          environment:
            POSTGRES_PASSWORD: example
            DATABASE_URL: postgres://app:secret@db:5432/app
          volumes:
            - type: volume
              source: data
              target: /var/lib/postgresql/data
          shm_size: 256m
          ulimits: {nofile: {soft: 20000, hard: 40000}, nproc: 65535}
          sysctls: {net.core.somaxconn: 1024}
          networks: {back: {ipv4_address: 172.28.0.10, aliases: [database]}}
        worker:
          build:
            context: .
            dockerfile: Dockerfile
            args: [VERSION=1.0]
            additional_contexts: {shared: ../shared}
            ssh: [default=./id_ed25519]
          image: "registry.example.com/worker:${TAG:-1.0}"
          entrypoint: |
            #!/bin/sh
            exec worker --queue default
          command: |+
            --verbose

          privileged: true
          network_mode: "service:web"
          pid: host
          read_only: "true"
          user: "1000:1000"
          devices: ["/dev/mem:/dev/mem"]
          deploy:
            replicas: 2
            resources:
              limits: {cpus: "0.5", memory: 512M, pids: 100}
              reservations:
                memory: 128M
                generic_resources:
                - discrete_resource_spec: {kind: gpu, value: 1}
                devices:
                - {driver: nvidia, count: 1, capabilities: [gpu]}
            restart_policy: {condition: on-failure, max_attempts: 3}
            placement:
              constraints: [node.role == manager]
              preferences: [{spread: node.labels.zone}]
          develop:
            watch:
            - {action: sync, path: ./src, target: /app/src}
          labels:
            - "traefik.enable=true"
          secrets:
            - source: token
              mode: 0440
            - source: token
              target: token-copy
              mode: "0400"
          configs: [app_config]
          profiles: [jobs]
        migrate:
          image: "registry.example.com/migrate:${MIGRATE_TAG:-latest}"
          restart: on-failure
          command: ["migrate", "up"]
        cache:
          image: redis:7.2-alpine
          restart: always
          ports: !override ["127.0.0.1:6379:6379"]
          tmpfs: [/tmp]
          security_opt: [no-new-privileges:true]
          ipc: shareable
          labels: !reset []
        tool:
          extends: {service: migrate}
          image: "${REGISTRY}/tool:${TOOL_TAG}"
          env_file:
          - path: ./tool.env
            required: false
          environment: {RATIO: 1.5, LIMIT: 1e6}
          cpus: 0.001
          cap_drop: [NET_RAW]
          depends_on:
            pg: {condition: service_completed_successfully}
        builder:
          build: ./builder
          image: postgres:16.4
        pg:
          image: "postgres:${PG_TAG:-16.4}"
          restart: always
        mongo:
          image: mongo:4.4
        llm:
          provider:
            type: model
            options: {model: ai/smollm2}
      networks:
        front: {}
        back:
          ipam:
            config:
            - subnet: 172.28.0.0/16
              gateway: 172.28.0.1
      volumes:
        data:
      secrets:
        token: {file: ./token.txt}
      configs:
        app_config: {content: "debug: false"}
      models:
        smol: {model: ai/smollm2}
      """;
  /**
   * What the lint cache is trained on: the lint runs people make most, text and JSON reports, of valid files (one
   * project or several: a pre-commit hook names every changed file) and of one with a misspelt key. Every class of
   * a cache is loaded when the JVM starts, used or not (about 15 us each), so the 800 classes that SARIF's fixes,
   * the inventory and the production policy bring would cost every lint 25 ms; a run that needs them loads them
   * from the jar. Explaining a schema error brings 75, which cost a lint of a valid file 1 ms and spare one of a
   * file with a mistake 30 ms (a fifth of its time) when they are in the cache.
   */
  private static final List<List<String>> LINT = List.of(
      List.of("lint", "plane/docker-compose.yml"),
      List.of("lint", "--format", "json", "plane/docker-compose.yml"),
      List.of("lint", "odoo-dev"),
      List.of("lint", FEATURES, "odoo-dev"),
      List.of("lint", MISTAKE));
  private static final List<List<String>> COMMANDS = Stream.concat(LINT.stream(), Stream.of(
      List.of("lint", "--policy", "production", "--format", "json", "plane/docker-compose.yml"),
      List.of("lint", "--format", "github", "--format", "sarif=" + REPORT, "odoo-dev"),
      List.of("lint", "--quiet", "inventory"),
      List.of("fix", "--unsafe-fixes", "plane/docker-compose.yml"),
      List.of("fix", "odoo-dev/docker-compose.yml"),
      List.of("patch", "-f", "plane/docker-compose.yml", "--policy", "production", "--gateway", "proxy"),
      List.of("patch", "-f", "odoo-dev/docker-compose.yml", "--policy", "development", "--diff"),
      List.of("config", "-f", "plane/docker-compose.yml"),
      List.of("config", "-f", "odoo-dev/docker-compose.yml", "--format", "json"),
      List.of("validate", "plane/docker-compose.yml"),
      List.of("rules"),
      List.of("help"))).toList();

  private AotTraining() {}

  /** A file of this training's own in the temporary folder, named after the process and {@code suffix}. */
  private static String temporaryFile(String suffix) {
    return Path.of(System.getProperty("java.io.tmpdir"), "lashing-aot-training-" + ProcessHandle.current().pid()
        + suffix).toString();
  }

  /**
   * {@code AotTraining EXAMPLES_DIR [COMMAND]}: runs the training commands in the examples folder, every one or
   * only those of COMMAND ({@code lint}).
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1 && args.length != 2) {
      System.err.println("usage: AotTraining EXAMPLES_DIR [COMMAND]");
      System.exit(Cli.INVALID);
    }
    List<List<String>> commands = commands(args.length == 1 ? null : args[1]);
    if (commands.isEmpty()) {
      System.err.println("AotTraining: no training command for '" + args[1] + "'");
      System.exit(Cli.INVALID);
    }
    int code = run(Path.of(args[0]).toAbsolutePath(), commands, new PrintWriter(System.err, true));
    if (code != Cli.OK) {
      System.exit(code);
    }
  }

  /**
   * The training commands of the lint cache ({@code lint}), of another command, or every one when {@code command}
   * is null.
   */
  static List<List<String>> commands(String command) {
    if (command == null) {
      return COMMANDS;
    }
    return command.equals("lint") ? LINT : COMMANDS.stream().filter(c -> c.get(0).equals(command)).toList();
  }

  /**
   * Runs every training command; the exit code of the first that fails (exit 2 or 3; the file with a mistake may
   * exit 2), else 0.
   */
  static int run(Path examples, PrintWriter err) throws IOException {
    return run(examples, COMMANDS, err);
  }

  private static int run(Path examples, List<List<String>> commands, PrintWriter err) throws IOException {
    PrintWriter discard = new PrintWriter(Writer.nullWriter());
    // What Main asks the JVM before every command, and the classes that reading every variable of the environment
    // takes (the commands below get a fixed environment instead)
    Map.copyOf(System.getenv());
    System.console();
    Files.writeString(Path.of(MISTAKE), "services:\n  web:\n    imgae: nginx:1.27\n  app:\n    image: app:@version@\n");
    Files.writeString(Path.of(FEATURES), FEATURES_TEXT);
    try {
      for (List<String> command : commands) {
        StringWriter errors = new StringWriter();
        PrintWriter errorsWriter = new PrintWriter(errors);
        int code = Main.runOnDeepStack(new Cli(discard, errorsWriter, Map.of(), examples), errorsWriter,
            command.toArray(String[]::new));
        if (code > (command.contains(MISTAKE) ? Cli.INVALID : Cli.FINDINGS)) {
          err.print(errors);
          err.println("AotTraining: lashing " + String.join(" ", command) + " exited with " + code);
          return code;
        }
      }
      return Cli.OK;
    } finally {
      Files.deleteIfExists(Path.of(REPORT));
      Files.deleteIfExists(Path.of(MISTAKE));
      Files.deleteIfExists(Path.of(FEATURES));
    }
  }
}
