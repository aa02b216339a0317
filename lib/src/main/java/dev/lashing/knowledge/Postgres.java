package dev.lashing.knowledge;

import java.util.function.Function;

/** How the PostgreSQL images name their superuser. */
public final class Postgres {
  /** The variable that names the superuser. */
  public static final String USER_VARIABLE = "POSTGRES_USER";
  /** The superuser when the variable is unset or empty. */
  public static final String DEFAULT_USER = "postgres";

  private Postgres() {}

  /** The superuser a server with this environment has. */
  public static String user(Function<String, String> environment) {
    String user = environment.apply(USER_VARIABLE);
    return user == null || user.isEmpty() ? DEFAULT_USER : user;
  }
}
