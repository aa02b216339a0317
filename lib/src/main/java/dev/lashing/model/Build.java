package dev.lashing.model;

import dev.lashing.source.Origin;
import java.util.List;
import java.util.Map;

/** A service's {@code build} in long form. */
public record Build(
    Located<String> context,
    Located<String> dockerfile,
    Located<String> dockerfileInline,
    List<Located<String>> entitlements,
    Map<String, KeyValue> args,
    Located<String> provenance,
    Located<String> sbom,
    Map<String, KeyValue> ssh,
    Map<String, KeyValue> labels,
    List<Located<String>> cacheFrom,
    List<Located<String>> cacheTo,
    Located<Boolean> noCache,
    List<Located<String>> noCacheFilter,
    Map<String, KeyValue> additionalContexts,
    Located<Boolean> pull,
    List<ExtraHost> extraHosts,
    Located<String> isolation,
    Located<String> network,
    Located<String> target,
    List<FileRef> secrets,
    Located<ByteCount> shmSize,
    List<Located<String>> tags,
    Map<String, Ulimit> ulimits,
    List<Located<String>> platforms,
    Located<Boolean> privileged,
    Origin origin) {

  public Build {
    entitlements = Frozen.list(entitlements);
    args = Frozen.map(args);
    ssh = Frozen.map(ssh);
    labels = Frozen.map(labels);
    cacheFrom = Frozen.list(cacheFrom);
    cacheTo = Frozen.list(cacheTo);
    noCacheFilter = Frozen.list(noCacheFilter);
    additionalContexts = Frozen.map(additionalContexts);
    extraHosts = Frozen.list(extraHosts);
    secrets = Frozen.list(secrets);
    tags = Frozen.list(tags);
    ulimits = Frozen.map(ulimits);
    platforms = Frozen.list(platforms);
  }
}
