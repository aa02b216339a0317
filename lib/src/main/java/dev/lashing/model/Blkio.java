package dev.lashing.model;

import dev.lashing.source.Origin;
import java.util.List;

/** A service's {@code blkio_config}. */
public record Blkio(
    Located<Long> weight,
    List<WeightDevice> weightDevice,
    List<ThrottleDevice> deviceReadBps,
    List<ThrottleDevice> deviceReadIops,
    List<ThrottleDevice> deviceWriteBps,
    List<ThrottleDevice> deviceWriteIops,
    Origin origin) {

  public Blkio {
    weightDevice = Frozen.list(weightDevice);
    deviceReadBps = Frozen.list(deviceReadBps);
    deviceReadIops = Frozen.list(deviceReadIops);
    deviceWriteBps = Frozen.list(deviceWriteBps);
    deviceWriteIops = Frozen.list(deviceWriteIops);
  }

  /** A relative weight for one device. */
  public record WeightDevice(Located<String> path, Located<Long> weight, Origin origin) {}

  /** A rate limit for one device, in bytes or operations per second. */
  public record ThrottleDevice(Located<String> path, Located<ByteCount> rate, Origin origin) {}
}
