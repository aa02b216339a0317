package dev.lashing.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lashing.tree.ScalarNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelBinderTest {

  /** A canonical tree, as {@code docker compose config} prints it, with every attribute family. */
  private static final String RICH = """
      name: demo
      services:
        web:
          annotations:
            com.example.team: web
          attach: false
          blkio_config:
            weight: 300
            weight_device:
              - path: /dev/sda
                weight: 400
            device_read_bps:
              - path: /dev/sda
                rate: 12mb
            device_write_iops:
              - path: /dev/sda
                rate: 30
          build:
            context: /src/web
            dockerfile: Dockerfile
            args:
              GIT_COMMIT: abc123
              UNSET_ARG: null
            ssh:
              default: null
            labels:
              stage: build
            cache_from:
              - type=local,src=/cache
            no_cache: true
            additional_contexts:
              base: docker-image://alpine
            extra_hosts:
              - mirror=10.0.0.2
            network: host
            target: prod
            secrets:
              - source: npmrc
                target: /root/.npmrc
            shm_size: 256m
            tags:
              - registry.example.com/web:1
            ulimits:
              nofile: 2048
            platforms:
              - linux/amd64
            privileged: true
          cap_add:
            - NET_ADMIN
          cap_drop:
            - ALL
          cgroup: private
          cgroup_parent: /custom
          command:
            - nginx
            - -g
            - daemon off;
          configs:
            - source: nginx_conf
              target: /etc/nginx/nginx.conf
              mode: 0440
          container_name: web-1
          cpu_shares: 512
          cpu_period: 100000
          cpu_quota: 50000
          cpuset: 0-1
          credential_spec:
            file: spec.json
          depends_on:
            db:
              condition: service_healthy
              required: true
              restart: true
          deploy:
            mode: replicated
            replicas: 2
            labels:
              tier: front
            update_config:
              parallelism: 2
              delay: 10s
              failure_action: rollback
              max_failure_ratio: 0.25
              order: start-first
            rollback_config:
              parallelism: 1
            resources:
              limits:
                cpus: "0.50"
                memory: 512M
                pids: 100
              reservations:
                memory: 128M
                devices:
                  - capabilities: [gpu]
                    driver: nvidia
                    count: all
                generic_resources:
                  - discrete_resource_spec:
                      kind: SSD
                      value: 2
            restart_policy:
              condition: on-failure
              delay: 5s
              max_attempts: 3
              window: 2m
            placement:
              constraints:
                - node.role == worker
              preferences:
                - spread: node.labels.zone
              max_replicas_per_node: 1
            endpoint_mode: vip
          develop:
            watch:
              - path: ./src
                action: sync+exec
                target: /app
                ignore:
                  - node_modules
                exec:
                  command: [kill, -HUP, "1"]
          device_cgroup_rules:
            - c 1:3 mr
          devices:
            - source: /dev/ttyUSB0
              target: /dev/ttyUSB0
              permissions: rwm
          dns:
            - 1.1.1.1
          dns_opt:
            - use-vc
          dns_search:
            - example.com
          domainname: example.com
          entrypoint:
            - /docker-entrypoint.sh
          environment:
            DB_PASSWORD: hunter2
            FROM_SHELL: null
            EMPTY: ""
          env_file:
            - path: /src/web/.env
              required: false
          expose:
            - "9000"
          external_links:
            - legacy_db
          extra_hosts:
            - somehost=162.242.195.82
            - v6host=::1
          gpus:
            - driver: nvidia
              count: 1
          group_add:
            - audio
          healthcheck:
            test: [CMD, curl, -f, http://localhost]
            interval: 1m30s
            timeout: 10s
            retries: 3
            start_period: 40s
            start_interval: 5s
          hostname: web
          image: nginx:1.25
          init: true
          ipc: shareable
          isolation: default
          labels:
            com.example.description: front end
          label_file:
            - /src/web/labels
          links:
            - db:database
          logging:
            driver: json-file
            options:
              max-size: 10m
              max-file: 3
          mac_address: 02:42:ac:11:65:43
          mem_limit: 1g
          mem_reservation: 512m
          memswap_limit: 2g
          mem_swappiness: 60
          models:
            llm:
              endpoint_var: LLM_URL
          networks:
            front:
              aliases:
                - www
              ipv4_address: 172.16.238.10
              priority: 100
            back: null
          oom_kill_disable: true
          oom_score_adj: -500
          pid: host
          pids_limit: 200
          platform: linux/amd64
          ports:
            - name: http
              mode: ingress
              host_ip: 127.0.0.1
              target: 80
              published: "8080"
              protocol: tcp
              app_protocol: http
            - mode: host
              target: 443
              published: "8443-8445"
              protocol: tcp
          post_start:
            - command: [sh, -c, echo started]
              user: root
              privileged: true
          pre_stop:
            - command: [sh, -c, echo stopping]
              environment:
                REASON: shutdown
          privileged: true
          profiles:
            - frontend
          pull_policy: always
          read_only: true
          restart: unless-stopped
          runtime: runc
          scale: 2
          secrets:
            - source: db_password
              target: /run/secrets/db_password
              uid: "103"
              gid: "103"
              mode: 0400
          security_opt:
            - no-new-privileges:true
          shm_size: 64m
          stdin_open: true
          stop_grace_period: 1m
          stop_signal: SIGQUIT
          storage_opt:
            size: 20G
          sysctls:
            net.core.somaxconn: 1024
          tmpfs:
            - /run
          tty: true
          ulimits:
            nproc: 65535
            nofile:
              soft: 20000
              hard: 40000
          use_api_socket: true
          user: "1000:1000"
          userns_mode: host
          uts: host
          volumes:
            - type: bind
              source: /var/run/docker.sock
              target: /var/run/docker.sock
              read_only: true
              bind:
                propagation: rprivate
                create_host_path: false
                selinux: z
            - type: volume
              source: data
              target: /data
              volume:
                nocopy: true
                subpath: web
            - type: tmpfs
              target: /cache
              tmpfs:
                size: 64m
                mode: 1777
            - type: image
              source: alpine
              target: /alpine
              image:
                subpath: etc
          volumes_from:
            - db:ro
          working_dir: /app
          x-owner: team-web
          future_attribute: 42
        db:
          image: postgres@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
          network_mode: service:web
          provider:
            type: model
            options:
              model: ai/smollm2
              flags: [a, b]
      networks:
        front:
          name: demo_front
          driver: bridge
          driver_opts:
            com.docker.network.bridge.host_binding_ipv4: 127.0.0.1
          ipam:
            driver: default
            config:
              - subnet: 172.16.238.0/24
                gateway: 172.16.238.1
                ip_range: 172.16.238.0/25
                aux_addresses:
                  host1: 172.16.238.5
          attachable: true
          enable_ipv6: false
          labels:
            com.example.net: front
        back:
          internal: true
        outside:
          external: true
          name: shared
      volumes:
        data:
          driver: local
          driver_opts:
            type: none
          labels:
            backup: daily
        cache:
        legacy:
          external: true
      secrets:
        db_password:
          file: /run/pw.txt
        token:
          environment: TOKEN
        npmrc:
          external: true
      configs:
        nginx_conf:
          content: |
            events {}
      models:
        llm:
          model: ai/smollm2
          context_size: 4096
          runtime_flags:
            - --verbose
      x-common:
        region: eu
      """;

  @Test
  void bindsEveryAttributeFamilyOfACanonicalTree() {
    Bound b = Bound.of(RICH).clean();
    Project p = b.project();
    assertThat(p.name()).isEqualTo("demo");
    assertThat(p.services()).containsOnlyKeys("web", "db");
    Service web = p.services().get("web");

    assertThat(web.annotations().get("com.example.team").text()).isEqualTo("web");
    assertThat(web.attach().value()).isFalse();
    assertThat(web.blkioConfig().weight().value()).isEqualTo(300);
    assertThat(web.blkioConfig().weightDevice().get(0).weight().value()).isEqualTo(400);
    assertThat(web.blkioConfig().deviceReadBps().get(0).rate().value().bytes()).isEqualTo(12L << 20);
    assertThat(web.blkioConfig().deviceWriteIops().get(0).rate().value().bytes()).isEqualTo(30);
    assertThat(web.capAdd()).extracting(Located::value).containsExactly("NET_ADMIN");
    assertThat(web.capDrop()).extracting(Located::value).containsExactly("ALL");
    assertThat(web.cgroup().kind()).isEqualTo(NamespaceMode.Kind.OTHER);
    assertThat(web.cgroupParent().value()).isEqualTo("/custom");
    assertThat(web.command().texts()).containsExactly("nginx", "-g", "daemon off;");
    assertThat(web.containerName().value()).isEqualTo("web-1");
    assertThat(web.cpuShares().value()).isEqualTo(512);
    assertThat(web.cpuPeriod().value()).isEqualTo(100000);
    assertThat(web.cpuQuota().value()).isEqualTo(50000);
    assertThat(web.cpuset().value()).isEqualTo("0-1");
    assertThat(web.credentialSpec().file().value()).isEqualTo("spec.json");
    assertThat(web.deviceCgroupRules()).extracting(Located::value).containsExactly("c 1:3 mr");
    assertThat(web.devices().get(0).permissions().value()).isEqualTo("rwm");
    assertThat(web.dns()).extracting(Located::value).containsExactly("1.1.1.1");
    assertThat(web.dnsOpt()).extracting(Located::value).containsExactly("use-vc");
    assertThat(web.dnsSearch()).extracting(Located::value).containsExactly("example.com");
    assertThat(web.domainname().value()).isEqualTo("example.com");
    assertThat(web.entrypoint().texts()).containsExactly("/docker-entrypoint.sh");
    assertThat(web.expose()).extracting(Located::value).containsExactly("9000");
    assertThat(web.externalLinks()).extracting(Located::value).containsExactly("legacy_db");
    assertThat(web.groupAdd()).extracting(Located::value).containsExactly("audio");
    assertThat(web.hostname().value()).isEqualTo("web");
    assertThat(web.init().value()).isTrue();
    assertThat(web.ipc().text()).isEqualTo("shareable");
    assertThat(web.isolation().value()).isEqualTo("default");
    assertThat(web.labels().get("com.example.description").text()).isEqualTo("front end");
    assertThat(web.labelFile()).extracting(Located::value).containsExactly("/src/web/labels");
    assertThat(web.links()).extracting(Located::value).containsExactly("db:database");
    assertThat(web.macAddress().value()).isEqualTo("02:42:ac:11:65:43");
    assertThat(web.memSwappiness().value()).isEqualTo(60);
    assertThat(web.oomKillDisable().value()).isTrue();
    assertThat(web.oomScoreAdj().value()).isEqualTo(-500);
    assertThat(web.pid().isHost()).isTrue();
    assertThat(web.platform().value()).isEqualTo("linux/amd64");
    assertThat(web.isPrivileged()).isTrue();
    assertThat(web.profiles()).extracting(Located::value).containsExactly("frontend");
    assertThat(web.pullPolicy().value()).isEqualTo("always");
    assertThat(web.isReadOnly()).isTrue();
    assertThat(web.runtime().value()).isEqualTo("runc");
    assertThat(web.scale().value()).isEqualTo(2);
    assertThat(web.securityOpt()).extracting(Located::value).containsExactly("no-new-privileges:true");
    assertThat(web.stdinOpen().value()).isTrue();
    assertThat(web.stopGracePeriod().value()).isEqualTo(Duration.ofMinutes(1));
    assertThat(web.stopSignal().value()).isEqualTo("SIGQUIT");
    assertThat(web.storageOpt().get("size").text()).isEqualTo("20G");
    assertThat(web.sysctls().get("net.core.somaxconn").text()).isEqualTo("1024");
    assertThat(web.tmpfs()).extracting(Located::value).containsExactly("/run");
    assertThat(web.tty().value()).isTrue();
    assertThat(web.useApiSocket().value()).isTrue();
    assertThat(web.user().value()).isEqualTo("1000:1000");
    assertThat(web.usernsMode().isHost()).isTrue();
    assertThat(web.uts().isHost()).isTrue();
    assertThat(web.volumesFrom()).extracting(Located::value).containsExactly("db:ro");
    assertThat(web.workingDir().value()).isEqualTo("/app");
  }

  @Test
  void bindsBuild() {
    Build build = Bound.of(RICH).project().services().get("web").build();
    assertThat(build.context().value()).isEqualTo("/src/web");
    assertThat(build.dockerfile().value()).isEqualTo("Dockerfile");
    assertThat(build.args().get("GIT_COMMIT").text()).isEqualTo("abc123");
    assertThat(build.args().get("UNSET_ARG").value()).isNull();
    assertThat(build.ssh()).containsOnlyKeys("default");
    assertThat(build.labels().get("stage").text()).isEqualTo("build");
    assertThat(build.cacheFrom()).extracting(Located::value).containsExactly("type=local,src=/cache");
    assertThat(build.noCache().value()).isTrue();
    assertThat(build.additionalContexts().get("base").text()).isEqualTo("docker-image://alpine");
    assertThat(build.extraHosts()).containsExactly(
        new ExtraHost("mirror", "10.0.0.2", build.extraHosts().get(0).origin()));
    assertThat(build.network().value()).isEqualTo("host");
    assertThat(build.target().value()).isEqualTo("prod");
    assertThat(build.secrets().get(0).target().value()).isEqualTo("/root/.npmrc");
    assertThat(build.shmSize().value().bytes()).isEqualTo(256L << 20);
    assertThat(build.tags()).extracting(Located::value).containsExactly("registry.example.com/web:1");
    assertThat(build.ulimits().get("nofile").hardLimit().orElseThrow().value()).isEqualTo(2048);
    assertThat(build.platforms()).extracting(Located::value).containsExactly("linux/amd64");
    assertThat(build.privileged().value()).isTrue();
  }

  @Test
  void bindsDeploy() {
    Deploy deploy = Bound.of(RICH).project().services().get("web").deploy();
    assertThat(deploy.mode().value()).isEqualTo("replicated");
    assertThat(deploy.replicas().value()).isEqualTo(2);
    assertThat(deploy.labels().get("tier").text()).isEqualTo("front");
    Deploy.UpdateConfig update = deploy.updateConfig();
    assertThat(update.parallelism().value()).isEqualTo(2);
    assertThat(update.delay().value()).isEqualTo(Duration.ofSeconds(10));
    assertThat(update.failureAction().value()).isEqualTo("rollback");
    assertThat(update.maxFailureRatio().value()).isEqualTo(0.25);
    assertThat(update.order().value()).isEqualTo("start-first");
    assertThat(deploy.rollbackConfig().parallelism().value()).isEqualTo(1);
    Deploy.Resource limits = deploy.resources().limits();
    assertThat(limits.cpus().value()).isEqualTo(0.5);
    assertThat(limits.memory().value()).isEqualTo(new ByteCount(512L << 20, "512M"));
    assertThat(limits.pids().value()).isEqualTo(100);
    Deploy.Resource reservations = deploy.resources().reservations();
    assertThat(reservations.memory().value().bytes()).isEqualTo(128L << 20);
    DeviceRequest gpu = reservations.devices().get(0);
    assertThat(gpu.capabilities()).extracting(Located::value).containsExactly("gpu");
    assertThat(gpu.driver().value()).isEqualTo("nvidia");
    assertThat(gpu.count().value()).isEqualTo(-1);
    assertThat(reservations.genericResources().get(0).kind().value()).isEqualTo("SSD");
    assertThat(reservations.genericResources().get(0).value().value()).isEqualTo(2);
    Deploy.RestartPolicy policy = deploy.restartPolicy();
    assertThat(policy.condition().value()).isEqualTo("on-failure");
    assertThat(policy.delay().value()).isEqualTo(Duration.ofSeconds(5));
    assertThat(policy.maxAttempts().value()).isEqualTo(3);
    assertThat(policy.window().value()).isEqualTo(Duration.ofMinutes(2));
    assertThat(deploy.placement().constraints()).extracting(Located::value).containsExactly("node.role == worker");
    assertThat(deploy.placement().preferences()).extracting(Located::value).containsExactly("node.labels.zone");
    assertThat(deploy.placement().maxReplicasPerNode().value()).isEqualTo(1);
    assertThat(deploy.endpointMode().value()).isEqualTo("vip");
  }

  @Test
  void bindsPortsMountsAndFileReferences() {
    Service web = Bound.of(RICH).project().services().get("web");
    Port http = web.ports().get(0);
    assertThat(http.name().value()).isEqualTo("http");
    assertThat(http.mode().value()).isEqualTo("ingress");
    assertThat(http.hostIp().value()).isEqualTo("127.0.0.1");
    assertThat(http.target().value()).isEqualTo(80);
    assertThat(http.published().value()).isEqualTo("8080");
    assertThat(http.protocol().value()).isEqualTo("tcp");
    assertThat(http.appProtocol().value()).isEqualTo("http");
    assertThat(http.isBoundToAllInterfaces()).isFalse();
    Port range = web.ports().get(1);
    assertThat(range.published().value()).isEqualTo("8443-8445");
    assertThat(range.hostIp()).isNull();
    assertThat(range.isBoundToAllInterfaces()).isTrue();

    Mount socket = web.volumes().get(0);
    assertThat(socket.isBind()).isTrue();
    assertThat(socket.source().value()).isEqualTo("/var/run/docker.sock");
    assertThat(socket.isReadOnly()).isTrue();
    assertThat(socket.bind().propagation().value()).isEqualTo("rprivate");
    assertThat(socket.bind().createHostPath().value()).isFalse();
    assertThat(socket.bind().selinux().value()).isEqualTo("z");
    Mount data = web.volumes().get(1);
    assertThat(data.isVolume()).isTrue();
    assertThat(data.isAnonymousVolume()).isFalse();
    assertThat(data.volume().nocopy().value()).isTrue();
    assertThat(data.volume().subpath().value()).isEqualTo("web");
    Mount cache = web.volumes().get(2);
    assertThat(cache.isTmpfs()).isTrue();
    assertThat(cache.tmpfs().size().value().bytes()).isEqualTo(64L << 20);
    assertThat(cache.tmpfs().mode().value()).isEqualTo(1777);
    assertThat(web.volumes().get(3).image().subpath().value()).isEqualTo("etc");

    FileRef secret = web.secrets().get(0);
    assertThat(secret.source().value()).isEqualTo("db_password");
    assertThat(secret.uid().value()).isEqualTo("103");
    assertThat(secret.mode().value()).as("YAML 0400 is octal").isEqualTo(0400);
    assertThat(web.configs().get(0).mode().value()).isEqualTo(0440);
  }

  @Test
  void bindsTheRestOfTheService() {
    Service web = Bound.of(RICH).project().services().get("web");
    Dependency db = web.dependsOn().get("db");
    assertThat(db.conditionOrDefault()).isEqualTo("service_healthy");
    assertThat(db.isRequired()).isTrue();
    assertThat(db.restart().value()).isTrue();

    Develop.Watch watch = web.develop().watch().get(0);
    assertThat(watch.path().value()).isEqualTo("./src");
    assertThat(watch.action().value()).isEqualTo("sync+exec");
    assertThat(watch.ignore()).extracting(Located::value).containsExactly("node_modules");
    assertThat(watch.exec().command().texts()).containsExactly("kill", "-HUP", "1");

    assertThat(web.environment().keySet()).containsExactly("DB_PASSWORD", "FROM_SHELL", "EMPTY");
    assertThat(web.environment().get("DB_PASSWORD").text()).isEqualTo("hunter2");
    assertThat(web.environment().get("FROM_SHELL").value()).isNull();
    assertThat(web.environment().get("EMPTY").text()).isEmpty();
    assertThat(web.envFile().get(0).isRequired()).isFalse();
    assertThat(web.extraHosts()).extracting(ExtraHost::host, ExtraHost::address)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("somehost", "162.242.195.82"),
            org.assertj.core.groups.Tuple.tuple("v6host", "::1"));
    assertThat(web.gpus().get(0).count().value()).isEqualTo(1);

    Healthcheck health = web.healthcheck();
    assertThat(health.test().texts()).containsExactly("CMD", "curl", "-f", "http://localhost");
    assertThat(health.interval().value()).isEqualTo(Duration.ofSeconds(90));
    assertThat(health.timeout().value()).isEqualTo(Duration.ofSeconds(10));
    assertThat(health.retries().value()).isEqualTo(3);
    assertThat(health.startPeriod().value()).isEqualTo(Duration.ofSeconds(40));
    assertThat(health.startInterval().value()).isEqualTo(Duration.ofSeconds(5));
    assertThat(health.isDisabled()).isFalse();

    assertThat(web.image().text()).isEqualTo("nginx:1.25");
    assertThat(web.image().reference().tag()).isEqualTo("1.25");
    assertThat(web.image().isDigestPinned()).isFalse();

    assertThat(web.logging().driver().value()).isEqualTo("json-file");
    assertThat(web.logging().options().get("max-file").text()).isEqualTo("3");
    assertThat(web.memLimit().value()).isEqualTo(new ByteCount(1L << 30, "1g"));
    assertThat(web.memReservation().value().bytes()).isEqualTo(512L << 20);
    assertThat(web.memswapLimit().value().bytes()).isEqualTo(2L << 30);
    assertThat(web.models().get("llm").endpointVar().value()).isEqualTo("LLM_URL");

    assertThat(web.networks().keySet()).containsExactly("front", "back");
    ServiceNetwork front = web.networks().get("front");
    assertThat(front.aliases()).extracting(Located::value).containsExactly("www");
    assertThat(front.ipv4Address().value()).isEqualTo("172.16.238.10");
    assertThat(front.priority().value()).isEqualTo(100);
    ServiceNetwork back = web.networks().get("back");
    assertThat(back.aliases()).isEmpty();
    assertThat(back.ipv4Address()).isNull();

    assertThat(web.pidsLimit().value()).isEqualTo(200);
    assertThat(web.postStart().get(0).privileged().value()).isTrue();
    assertThat(web.postStart().get(0).user().value()).isEqualTo("root");
    assertThat(web.preStop().get(0).environment().get("REASON").text()).isEqualTo("shutdown");
    assertThat(web.restart().policy()).isEqualTo(Restart.Policy.UNLESS_STOPPED);
    assertThat(web.shmSize().value().bytes()).isEqualTo(64L << 20);
    Ulimit nproc = web.ulimits().get("nproc");
    assertThat(nproc.softLimit().orElseThrow().value()).isEqualTo(65535);
    assertThat(nproc.hardLimit().orElseThrow().value()).isEqualTo(65535);
    Ulimit nofile = web.ulimits().get("nofile");
    assertThat(nofile.softLimit().orElseThrow().value()).isEqualTo(20000);
    assertThat(nofile.hardLimit().orElseThrow().value()).isEqualTo(40000);
  }

  @Test
  void bindsTheOtherService() {
    Service db = Bound.of(RICH).project().services().get("db");
    assertThat(db.image().isDigestPinned()).isTrue();
    assertThat(db.networkMode().kind()).isEqualTo(NamespaceMode.Kind.SERVICE);
    assertThat(db.networkMode().reference()).isEqualTo("web");
    assertThat(db.provider().type().value()).isEqualTo("model");
    assertThat(db.provider().options().get("model")).extracting(Located::value).containsExactly("ai/smollm2");
    assertThat(db.provider().options().get("flags")).extracting(Located::value).containsExactly("a", "b");
    assertThat(db.ports()).isEmpty();
    assertThat(db.command()).isNull();
    assertThat(db.privileged()).isNull();
    assertThat(db.isPrivileged()).isFalse();
    assertThat(db.has("image")).isTrue();
    assertThat(db.has("ports")).isFalse();
  }

  @Test
  void bindsTopLevelDefinitions() {
    Project p = Bound.of(RICH).project();
    Network front = p.networks().get("front");
    assertThat(front.key()).isEqualTo("front");
    assertThat(front.name().value()).isEqualTo("demo_front");
    assertThat(front.driver().value()).isEqualTo("bridge");
    assertThat(front.driverOpts().get("com.docker.network.bridge.host_binding_ipv4").text()).isEqualTo("127.0.0.1");
    assertThat(front.ipam().driver().value()).isEqualTo("default");
    Network.Pool pool = front.ipam().config().get(0);
    assertThat(pool.subnet().value()).isEqualTo("172.16.238.0/24");
    assertThat(pool.gateway().value()).isEqualTo("172.16.238.1");
    assertThat(pool.ipRange().value()).isEqualTo("172.16.238.0/25");
    assertThat(pool.auxAddresses().get("host1").text()).isEqualTo("172.16.238.5");
    assertThat(front.attachable().value()).isTrue();
    assertThat(front.enableIpv6().value()).isFalse();
    assertThat(front.labels().get("com.example.net").text()).isEqualTo("front");
    assertThat(p.networks().get("back").isInternal()).isTrue();
    assertThat(p.networks().get("outside").isExternal()).isTrue();

    Volume data = p.volumes().get("data");
    assertThat(data.driver().value()).isEqualTo("local");
    assertThat(data.driverOpts().get("type").text()).isEqualTo("none");
    assertThat(data.labels().get("backup").text()).isEqualTo("daily");
    Volume cache = p.volumes().get("cache");
    assertThat(cache.driver()).isNull();
    assertThat(cache.isExternal()).isFalse();
    assertThat(p.volumes().get("legacy").isExternal()).isTrue();

    assertThat(p.secrets().get("db_password").file().value()).isEqualTo("/run/pw.txt");
    assertThat(p.secrets().get("token").environment().value()).isEqualTo("TOKEN");
    assertThat(p.secrets().get("npmrc").isExternal()).isTrue();
    assertThat(p.configs().get("nginx_conf").content().value()).isEqualTo("events {}\n");

    Model llm = p.models().get("llm");
    assertThat(llm.model().value()).isEqualTo("ai/smollm2");
    assertThat(llm.contextSize().value()).isEqualTo(4096);
    assertThat(llm.runtimeFlags()).extracting(Located::value).containsExactly("--verbose");

    assertThat(p.extensions()).containsOnlyKeys("x-common");
    assertThat(p.unknown()).isEmpty();
  }

  @Test
  void keepsExtensionsAndUnknownAttributes() {
    Service web = Bound.of(RICH).project().services().get("web");
    assertThat(web.extensions()).containsOnlyKeys("x-owner");
    assertThat(((ScalarNode) web.extensions().get("x-owner")).value()).isEqualTo("team-web");
    assertThat(web.unknown()).containsOnlyKeys("future_attribute");
    assertThat(((ScalarNode) web.unknown().get("future_attribute")).text()).isEqualTo("42");
  }

  @Test
  void keepsNestedExtensionsAndUnknownKeysUnderTheirPath() {
    Bound b = Bound.service("""
        image: nginx
        deploy:
          x-note: keep
          resources:
            limits:
              memory: 1g
              newfangled: 3
        ports:
          - target: 80
            x-port-note: p
        """).clean();
    assertThat(b.s().extensions()).containsOnlyKeys("deploy.x-note", "ports[0].x-port-note");
    assertThat(b.s().unknown()).containsOnlyKeys("deploy.resources.limits.newfangled");
    assertThat(b.s().effectiveMemoryLimit().orElseThrow().value()).isEqualTo(1L << 30);
  }

  @Test
  void positionsPointAtTheWrittenValues() {
    Bound b = Bound.of(RICH);
    Service web = b.project().services().get("web");
    b.assertAt(web.privileged(), "\n    privileged: true", "true");
    b.assertAt(web.capAdd().get(0), "NET_ADMIN");
    b.assertAt(web.ports().get(0).target(), "target: 80\n", "80");
    b.assertAt(web.ports().get(0).hostIp(), "host_ip: 127.0.0.1", "127.0.0.1");
    b.assertAt(web.deploy().resources().limits().memory(), "512M");
    b.assertAt(web.healthcheck().interval(), "1m30s");
    b.assertAt(web.environment().get("DB_PASSWORD").value(), "hunter2");
    b.assertAt(web.volumes().get(0).source(), "/var/run/docker.sock");
    b.assertAt(new Located<>("", web.nameOrigin()), "\n  web:", "web");
    b.assertAt(new Located<>("", web.keyOrigin("ports").orElseThrow()), "\n    ports:", "ports");
    b.assertAt(new Located<>("", web.environment().get("DB_PASSWORD").keyOrigin()), "DB_PASSWORD");
    assertThat(web.ports().get(0).origin().at().line()).isEqualTo(web.ports().get(0).name().at().line());
  }

  @Test
  void valuesFromAnchorsKnowWhereTheyAreWrittenAndWhereUsed() {
    Bound b = Bound.of("""
        x-limits: &limits
          memory: 512m
        services:
          s:
            deploy:
              resources:
                limits: *limits
        """).clean();
    Located<ByteCount> memory = b.s().deploy().resources().limits().memory();
    b.assertAt(memory, "512m");
    assertThat(memory.origin().usedAt().line()).isEqualTo(7);
  }

  @Test
  void anEmptyRootBindsAnEmptyProject() {
    Project p = Bound.of("{}\n").clean().project();
    assertThat(p.services()).isEmpty();
    assertThat(p.networks()).isEmpty();
    assertThat(p.name()).isEqualTo("demo");
  }

  @Test
  void mapsAreUnmodifiableAndKeepWrittenOrder() {
    Project p = Bound.of(RICH).project();
    assertThat(p.services().keySet()).containsExactly("web", "db");
    assertThat(p.volumes().keySet()).containsExactly("data", "cache", "legacy");
    List<String> keys = List.copyOf(p.services().get("web").attributeKeys().keySet());
    assertThat(keys.get(0)).isEqualTo("annotations");
    assertThat(keys).endsWith("x-owner", "future_attribute");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.services().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
