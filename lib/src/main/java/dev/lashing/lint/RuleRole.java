package dev.lashing.lint;

/**
 * What the rest of Lashing needs to find a rule for, declared in its {@link RuleInfo#roles()}: patch, fix and
 * generate ask the registry for the rule with a role and never name a rule of the pack themselves.
 */
public enum RuleRole {
  /** Takes the {@code gateways} option: the services whose ports stay published. */
  GATEWAYS,
  /** Takes the {@code network} option: the network services move to from the default one. */
  PROJECT_NETWORK,
  /** Reports ports published on every interface; a gateway's bindings stay there on purpose. */
  ALL_INTERFACES,
  /** Proposes a resource limit. */
  RESOURCE_LIMIT,
  /** Its page documents the default limits for each kind of image and the options that change them. */
  KIND_DEFAULTS,
  /** Reports an image not pinned by digest; {@code fix --digests LOCK} fixes it from a digest lock. */
  DIGEST_LOCK,
  /** Reports a container that runs as root. */
  ROOT_USER,
  /** Reports a writable root filesystem. */
  WRITABLE_ROOT,
  /** Reports a host port below 1024. */
  PRIVILEGED_PORT
}
