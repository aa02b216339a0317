package dev.lashing.inventory;

import dev.lashing.inventory.Inventory.Backup;
import dev.lashing.inventory.Inventory.Service;
import dev.lashing.inventory.Inventory.Stack;
import dev.lashing.knowledge.ImageCatalog;

/** The names Lashing gives a stack's resources on the host, which generate writes and audit expects. */
public final class Stacks {
  private Stacks() {}

  /** {@code plane-db}: the container of service {@code db} of stack {@code plane}. */
  public static String containerName(Stack stack, String service) {
    return stack.name() + "-" + service;
  }

  /** {@code plane_pgdata}: the named volume {@code pgdata} of stack {@code plane}, as Compose would name it. */
  public static String volumeName(Stack stack, String volume) {
    return stack.name() + "_" + volume;
  }

  /** The service that runs the stack's backup job: {@code db-backup} for a backup of {@code db}. */
  public static String backupServiceName(Stack stack) {
    return stack.backup().service() + "-backup";
  }

  /**
   * The image a backup job runs, without digest: the inventory's, else the default backup image tagged like the
   * database's major version ({@code latest} when the tag gives none).
   */
  public static String backupImage(Backup backup, Service database) {
    if (backup.image() != null) {
      return backup.image();
    }
    String tag = database.reference().tag();
    String major = tag == null ? "" : tag.replaceFirst("^([0-9]+).*$", "$1");
    return ImageCatalog.POSTGRES_BACKUP.repository() + ":" + (major.matches("[0-9]+") ? major : "latest");
  }
}
