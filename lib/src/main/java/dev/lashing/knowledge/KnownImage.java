package dev.lashing.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * One image Lashing knows, under every repository that ships it the same way ({@code postgres},
 * {@code postgis/postgis}), or, with no repositories, only the names that tell its kind ({@code cassandra}).
 *
 * @param name how messages and comments name it
 * @param kind what it runs, for resource defaults
 * @param repositories repository paths without registry and without Docker Hub's {@code library/}
 * @param kindNames for an image known by kind alone: last path components or whole paths that tell the kind
 * @param healthcheck a check using only the tools it ships, or null
 * @param runtime how it runs under hardening, or null when not known
 * @param backup how it is backed up, or null when Lashing backs up no such server
 * @param postgresql whether it is a PostgreSQL server (a process per connection, {@code POSTGRES_USER})
 */
public record KnownImage(
    String name,
    ImageKind kind,
    List<String> repositories,
    List<String> kindNames,
    KnownHealthcheck healthcheck,
    Runtime runtime,
    BackupMethod backup,
    boolean postgresql) {

  /**
   * How the image runs under {@code cap_drop: [ALL]} and a read-only root filesystem.
   *
   * @param user the unprivileged user it can run as, or null when it must start as root
   * @param rootReason why it must start as root (the reason of a generated lashing-ignore), or null
   * @param capAdd the capabilities it needs back
   * @param tmpfs what it writes outside its volumes
   * @param port the port it listens on by default
   */
  public record Runtime(String user, String rootReason, List<String> capAdd, List<String> tmpfs, int port) {

    /**
     * The capabilities to add back under {@code cap_drop: [ALL]}: those its root entrypoint needs, unless the
     * container runs as a user of the service's choosing, where they would do nothing.
     */
    public List<String> capAddFor(boolean userChosen) {
      return user == null && !userChosen ? capAdd : List.of();
    }
  }

  /** The repository people pull it from. */
  public String repository() {
    return repositories.get(0);
  }

  public Optional<KnownHealthcheck> healthcheckIfKnown() {
    return Optional.ofNullable(healthcheck);
  }
}
