package dev.lashing.model;

import dev.lashing.source.Origin;
import java.util.Map;

/** One entry of a service's {@code volumes} in long form. */
public record Mount(
    Located<String> type,
    Located<String> source,
    Located<String> target,
    Located<Boolean> readOnly,
    Located<String> consistency,
    BindOptions bind,
    VolumeOptions volume,
    TmpfsOptions tmpfs,
    ImageOptions image,
    Origin origin) {

  /** {@code bind:} options. {@code createHostPath} absent means Compose's default, true. */
  public record BindOptions(
      Located<String> propagation,
      Located<Boolean> createHostPath,
      Located<String> selinux,
      Located<String> recursive,
      Origin origin) {}

  /** {@code volume:} options. */
  public record VolumeOptions(
      Located<Boolean> nocopy, Located<String> subpath, Map<String, KeyValue> labels, Origin origin) {

    public VolumeOptions {
      labels = Frozen.map(labels);
    }
  }

  /** {@code tmpfs:} options; {@code mode} is the integer as written. */
  public record TmpfsOptions(Located<ByteCount> size, Located<Long> mode, Origin origin) {}

  /** {@code image:} options. */
  public record ImageOptions(Located<String> subpath, Origin origin) {}

  public boolean isBind() {
    return is("bind");
  }

  public boolean isVolume() {
    return is("volume");
  }

  public boolean isTmpfs() {
    return is("tmpfs");
  }

  /** A volume with no source: Docker creates a fresh anonymous volume. */
  public boolean isAnonymousVolume() {
    return isVolume() && (source == null || source.value().isEmpty());
  }

  public boolean isReadOnly() {
    return readOnly != null && readOnly.value();
  }

  private boolean is(String kind) {
    return type != null && type.value().equals(kind);
  }
}
