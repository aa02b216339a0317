package dev.lashing.model;

import dev.lashing.source.Origin;
import dev.lashing.tree.Node;
import java.util.Map;
import java.util.Optional;

/**
 * A Compose project as Docker Compose v2 sees it after loading: every map in written order.
 * {@code extensions} holds the top-level {@code x-*} keys, {@code unknown} any other key the model does not
 * bind.
 */
public record Project(
    String name,
    Map<String, Service> services,
    Map<String, Network> networks,
    Map<String, Volume> volumes,
    Map<String, FileObject> secrets,
    Map<String, FileObject> configs,
    Map<String, Model> models,
    Map<String, Node> extensions,
    Map<String, Node> unknown,
    Origin origin) {

  public Project {
    services = Frozen.map(services);
    networks = Frozen.map(networks);
    volumes = Frozen.map(volumes);
    secrets = Frozen.map(secrets);
    configs = Frozen.map(configs);
    models = Frozen.map(models);
    extensions = Frozen.map(extensions);
    unknown = Frozen.map(unknown);
  }

  public Optional<Service> service(String name) {
    return Optional.ofNullable(services.get(name));
  }

  public Optional<Network> network(String key) {
    return Optional.ofNullable(networks.get(key));
  }

  public Optional<Volume> volume(String key) {
    return Optional.ofNullable(volumes.get(key));
  }

  /**
   * Whether services may be moved onto the network of that key when nobody chose it for them: the project does not
   * declare it (the move declares it) nor gives another network the name Compose would give it, or declares it as a
   * bridge of its own, as the default network is. An internal one has no way out (published ports stop working), an
   * external one or one named outside the project is shared with something else, another driver is another kind of
   * network: moving services there changes more than tiers.
   */
  public boolean mayMoveServicesOnto(String key) {
    Network network = networks.get(key);
    if (network == null) {
      // the move declares it, and Compose names it <project>_<key>: a network under another key may have that name
      String created = name + "_" + key;
      return networks.values().stream().noneMatch(other -> other.name() != null
          && other.name().value().equals(created));
    }
    return !network.isInternal() && !network.isExternal()
        && (network.driver() == null || network.driver().value().equals("bridge"))
        && (network.name() == null || network.name().value().equals(name + "_" + key));
  }
}
