package dev.lashing.knowledge;

/** How a known stateful image is backed up, with the same image as the server so the tool matches it. */
public enum BackupMethod {
  PG_DUMPALL("pg_dumpall"),
  MYSQL_DUMP("mariadb-dump or mysqldump"),
  MC_MIRROR("mc mirror");

  private final String tool;

  BackupMethod(String tool) {
    this.tool = tool;
  }

  /** The tool, for people. */
  public String tool() {
    return tool;
  }
}
