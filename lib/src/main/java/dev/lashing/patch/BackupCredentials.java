package dev.lashing.patch;

import dev.lashing.load.LoadResult;
import dev.lashing.model.Service;
import dev.lashing.patch.PatchMap.Raw;
import dev.lashing.source.SourceRange;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a backup job gets its database's variables: the same templates, env files or secrets. A password written
 * literally in a compose file is never copied; the database then gets no job.
 */
final class BackupCredentials {
  private final LoadResult current;
  private final Templates templates;
  private final Service db;
  private final MapNode service;
  private final String job;
  private final MapNode environment;
  final List<String> notes = new ArrayList<>();
  final List<String> envFiles = new ArrayList<>();
  final List<Object> secrets = new ArrayList<>();
  /** Why the database gets no job, or null. */
  String failed;

  BackupCredentials(LoadResult current, Templates templates, Service db, MapNode service, MapNode environment,
      String job) {
    this.current = current;
    this.templates = templates;
    this.db = db;
    this.service = service;
    this.environment = environment;
    this.job = job;
  }

  /** Copies the variable's reference into {@code env}; a literal only when {@code secret} is false. */
  void copy(String variable, boolean secret, PatchMap env) {
    Node node = environment.get(variable);
    if (!(node instanceof ScalarNode value)) {
      return;
    }
    if (value.text() == null) {
      // a bare key the project environment does not set: the job gets the same bare key
      env.put(variable, null);
      if (secret) {
        notes.add(variable + " is not set, so neither " + db.name() + " nor " + job + " gets a value: set "
            + variable + " (in .env)");
      }
      return;
    }
    String template = templates.templateOf(value, variable);
    if (template != null) {
      if (secret) {
        // refer to the same variables, never repeat a literal default
        template = Templates.withoutDefaults(template);
        for (String unset : templates.unsetVariables(template)) {
          notes.add(unset + " is not set, so " + db.name() + " uses the default written in "
              + value.origin().file() + " and " + job + " gets no password: set " + unset + " (in .env)");
        }
      }
      env.put(variable, new Raw(template));
      return;
    }
    String written = templates.writtenText(value, variable);
    if (templates.isWrittenLiterally(value, variable) && isInComposeFile(value)) {
      if (secret) {
        failed = db.name() + " writes " + variable + " literally in " + value.origin().file()
            + "; move it to a variable or an env file and run lashing patch again";
      } else {
        env.put(variable, value.text());
      }
      return;
    }
    boolean bare = written == null || written.isEmpty() || written.equals(variable);
    if (bare && value.text().equals(templates.variable(variable))) {
      env.put(variable, null); // a bare key, set from the project environment as for the database
      return;
    }
    String envFile = envFileOf(value, written);
    if (envFile != null) {
      if (!envFiles.contains(envFile)) {
        envFiles.add(envFile);
      }
      return;
    }
    failed = "cannot tell where " + db.name() + " gets " + variable + " from";
  }

  /**
   * Copies the first of the password variables that is set (a literal one fails the job); false, with
   * {@link #failed} saying why, when none is set and one is required.
   */
  boolean copyPassword(List<String> candidates, PatchMap env, boolean required) {
    for (String variable : candidates) {
      if (has(environment, variable)) {
        boolean file = variable.endsWith("_FILE");
        copy(variable, !file, env);
        if (file) {
          copySecrets();
        }
        return true;
      }
    }
    if (required) {
      failed = "no password variable is set in its environment";
      return false;
    }
    return true;
  }

  /** The secrets the database mounts, so a {@code _FILE} variable finds its file in the job too. */
  private void copySecrets() {
    if (service.get("secrets") instanceof SeqNode list) {
      for (Node item : list.items()) {
        Object secret = templates.value(item);
        // {source: x} alone is the short form x
        secrets.add(secret instanceof PatchMap m && m.size() == 1 && m.get("source") instanceof String source
            ? source : secret);
      }
    }
  }

  private boolean isInComposeFile(ScalarNode value) {
    return current.composeFiles().contains(value.origin().file());
  }

  /**
   * The env file a value was read from, as written in the compose file, when that file sits in the project
   * directory (so the path means the same in the patch); null otherwise.
   */
  private String envFileOf(ScalarNode value, String written) {
    SourceRange at = value.origin().at();
    if (written == null || at.isSynthetic() || !current.composeFiles().contains(at.file())
        || written.equals(value.text())) {
      return null;
    }
    Path declaring = Path.of(at.file()).getParent();
    Path main = current.composeFiles().isEmpty() ? null : Path.of(current.composeFiles().get(0)).getParent();
    if (!Objects.equals(declaring, main)) {
      return null;
    }
    String template = written.indexOf('$') >= 0 ? null : written;
    return template != null && isEnvFilePath(template) ? template : null;
  }

  private boolean isEnvFilePath(String text) {
    return !text.contains("=") && !text.contains(" ") && !text.isEmpty();
  }

  /** The first of the variables the environment has: with a value, or as a bare key (set from outside). */
  static String first(MapNode environment, String... names) {
    for (String n : names) {
      if (has(environment, n)) {
        return n;
      }
    }
    return null;
  }

  static boolean has(MapNode environment, String name) {
    return environment.get(name) instanceof ScalarNode s && (s.text() == null || !s.text().isEmpty());
  }

  static boolean isSet(MapNode environment, String name) {
    return environment.get(name) instanceof ScalarNode s && s.text() != null && !s.text().isEmpty()
        && !s.text().equals("0") && !s.text().equalsIgnoreCase("false") && !s.text().equalsIgnoreCase("no");
  }
}
