package dev.lashing.inventory.audit;

import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import dev.lashing.syntax.JsonReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a host runs, read from the JSON Docker prints one object per line: {@code docker ps -a --format json},
 * {@code docker images --format json}, {@code docker volume ls --format json}, and, for volume ages,
 * {@code docker volume inspect --format '{{json .}}' $(docker volume ls -q)}. Lines of the three kinds may come
 * in any order and any number of inputs; each line's kind is told by its fields.
 *
 * <p>Reading is all or nothing: a line that is not JSON (truncated output, a Docker error message), a field no
 * Docker version prints, or a value of the wrong type fails the whole read with the position, so nothing is
 * ever classified from partial data; so does a state without a single line, which is no data at all.
 */
public record HostState(
    List<Container> containers, List<Image> images, List<Volume> volumes, boolean hasContainerData) {

  /** Fields {@code docker ps --format json} prints (Docker 20.10 to 28). */
  static final Set<String> CONTAINER_FIELDS = Set.of("Command", "CreatedAt", "ID", "Image", "Labels",
      "LocalVolumes", "Mounts", "Names", "Networks", "Platform", "Ports", "RunningFor", "Size", "State", "Status");
  /** Fields {@code docker images --format json} prints. */
  static final Set<String> IMAGE_FIELDS = Set.of("Containers", "CreatedAt", "CreatedSince", "Digest", "ID",
      "Repository", "SharedSize", "Size", "Tag", "UniqueSize", "VirtualSize");
  /** Fields {@code docker volume ls --format json} prints. */
  static final Set<String> VOLUME_FIELDS = Set.of("Availability", "Driver", "Group", "Labels", "Links",
      "Mountpoint", "Name", "Scope", "Size", "Status");
  /** Fields {@code docker volume inspect --format '{{json .}}'} prints. */
  static final Set<String> VOLUME_INSPECT_FIELDS = Set.of("ClusterVolume", "CreatedAt", "Driver", "Labels",
      "Mountpoint", "Name", "Options", "Scope", "Status", "UsageData");

  /** What a state is made of, for messages. */
  private static final String EXPECTED = "expected the output of `docker ps -a --format json`, `docker images"
      + " --format json` or `docker volume ls --format json`";

  private static final DateTimeFormatter DOCKER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z",
      Locale.ROOT);

  /**
   * A container.
   *
   * @param name its name (the first of {@code Names} that is not a legacy link)
   * @param image the image as {@code docker ps} shows it: a reference, or an image ID
   * @param state running, exited, created, paused, restarting, removing or dead
   * @param mounts the volume names or host paths it mounts; a name Docker cut short ends in "…"
   */
  public record Container(String id, String name, String image, String state, List<String> mounts, SourceRange at) {
    public boolean isRunning() {
      return !Set.of("exited", "created", "dead").contains(state);
    }
  }

  /**
   * An image: one line of {@code docker images}, that is one repository and tag.
   *
   * @param repository {@code <none>} for a dangling image
   * @param tag {@code <none>} when untagged (an image pulled by digest only, or dangling)
   * @param digest {@code sha256:...}, or null when not printed
   * @param createdAt when it was built, or null
   */
  public record Image(String id, String repository, String tag, String digest, Instant createdAt, SourceRange at) {
    /** {@code repository:tag} as Docker shows it, {@code <none>:<none>} for a dangling image. */
    public String name() {
      return repository + ":" + tag;
    }

    public boolean isDangling() {
      return repository.equals("<none>");
    }
  }

  /**
   * A volume.
   *
   * @param createdAt when it was created (only {@code docker volume inspect} prints it), or null
   */
  public record Volume(String name, String driver, Instant createdAt, SourceRange at) {}

  public HostState {
    containers = List.copyOf(containers);
    images = List.copyOf(images);
    volumes = List.copyOf(volumes);
  }

  /**
   * Reads every input.
   *
   * @throws ComposeException with every problem, each at its file, line and column
   */
  public static HostState read(List<SourceFile> inputs) {
    Reader reader = new Reader();
    for (SourceFile input : inputs) {
      reader.read(input);
    }
    if (reader.lines == 0) {
      // A docker command that fails prints its error on standard error and leaves its redirect empty, while a host
      // has at least the images of what it runs: "no drift" from nothing would hide the failure.
      for (SourceFile input : inputs) {
        reader.problem(input, 0, "empty: a docker command that fails leaves its redirect empty (its error goes to"
            + " standard error), and a host has at least the images of what it runs; " + EXPECTED);
      }
    }
    if (!reader.problems.isEmpty()) {
      throw new ComposeException(reader.problems);
    }
    return new HostState(List.copyOf(reader.containers.values()), List.copyOf(reader.images.values()),
        List.copyOf(reader.volumes.values()), reader.sawContainers);
  }

  private static final class Reader {
    final List<Diagnostic> problems = new ArrayList<>();
    final Map<String, Container> containers = new LinkedHashMap<>();
    final Map<String, Image> images = new LinkedHashMap<>();
    final Map<String, Volume> volumes = new LinkedHashMap<>();
    boolean sawContainers;
    /** The lines read that are not blank, in every input. */
    int lines;

    void read(SourceFile input) {
      for (int line = 1; line <= input.lineCount(); line++) {
        // A byte order mark (PowerShell's > and Out-File write one) is no part of the first line's JSON.
        int start = input.lineStart(line) + (line == 1 && input.hasByteOrderMark() ? 1 : 0);
        String text = input.text().substring(start, input.lineEnd(line));
        if (text.isBlank()) {
          continue;
        }
        lines++;
        String trimmed = text.stripLeading();
        int indent = text.length() - trimmed.length();
        if (!trimmed.startsWith("{")) {
          problem(input, start + indent, notJson(trimmed));
          continue;
        }
        Object value;
        try {
          value = JsonReader.parse(text);
        } catch (JsonReader.JsonException e) {
          problem(input, start + e.index, "invalid JSON: " + e.getMessage());
          continue;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) value;
        SourceRange at = input.range(start + indent, start + text.length());
        record(input, start + indent, object, at);
      }
    }

    private static String notJson(String text) {
      String shown = text.length() > 80 ? text.substring(0, 77) + "..." : text;
      if (text.startsWith("[")) {
        return "a JSON array; Lashing reads one JSON object per line, as `docker ps -a --format json`,"
            + " `docker images --format json` and `docker volume ls --format json` print them (for docker"
            + " volume inspect, use --format '{{json .}}')";
      }
      // shown as a JSON string, so a control byte is seen as one (\u0000), not as a blank
      return "not JSON: " + AuditResult.jsonString(shown) + (text.matches("(?i).*(error|cannot|denied|daemon|permission|not"
          + " found|unknown).*") ? " (an error message from docker?)" : "")
          + "; " + EXPECTED;
    }

    private void record(SourceFile input, int offset, Map<String, Object> object, SourceRange at) {
      if (object.containsKey("Names") && object.containsKey("Image")) {
        if (fields(input, offset, object, CONTAINER_FIELDS, "docker ps")) {
          container(input, offset, object, at);
        }
      } else if (object.containsKey("Repository") && object.containsKey("Tag")) {
        if (fields(input, offset, object, IMAGE_FIELDS, "docker images")) {
          image(input, offset, object, at);
        }
      } else if (object.containsKey("Name") && object.containsKey("Mountpoint")) {
        boolean inspect = object.containsKey("CreatedAt") || object.containsKey("Options");
        if (fields(input, offset, object, inspect ? VOLUME_INSPECT_FIELDS : VOLUME_FIELDS,
            inspect ? "docker volume inspect" : "docker volume ls")) {
          volume(input, offset, object, at);
        }
      } else {
        problem(input, offset, "a JSON object that is no line of docker ps, docker images or docker volume ls"
            + " output (fields " + new TreeSet<>(object.keySet()) + ")");
      }
    }

    private boolean fields(SourceFile input, int offset, Map<String, Object> object, Set<String> known,
        String command) {
      boolean ok = true;
      for (String key : object.keySet()) {
        if (!known.contains(key)) {
          problem(input, offset, "unknown field \"" + key + "\" in a line of `" + command + "` output; it prints "
              + String.join(", ", new TreeSet<>(known)));
          ok = false;
        }
      }
      return ok;
    }

    private void container(SourceFile input, int offset, Map<String, Object> o, SourceRange at) {
      String id = required(input, offset, o, "ID");
      String names = required(input, offset, o, "Names");
      String image = required(input, offset, o, "Image");
      String state = optional(input, offset, o, "State");
      String mounts = optional(input, offset, o, "Mounts");
      if (id == null || names == null || image == null) {
        return;
      }
      sawContainers = true;
      String name = names;
      for (String n : names.split(",")) {
        if (!n.contains("/")) {
          name = n;
          break;
        }
      }
      List<String> mounted = new ArrayList<>();
      if (mounts != null && !mounts.isBlank()) {
        for (String m : mounts.split(",")) {
          mounted.add(m.trim());
        }
      }
      // Without a state, assume the worst: running.
      containers.putIfAbsent(id, new Container(id, name, image, state == null ? "running" : state.toLowerCase(
          Locale.ROOT), mounted, at));
    }

    private void image(SourceFile input, int offset, Map<String, Object> o, SourceRange at) {
      String id = required(input, offset, o, "ID");
      String repository = required(input, offset, o, "Repository");
      String tag = required(input, offset, o, "Tag");
      String digest = optional(input, offset, o, "Digest");
      String created = optional(input, offset, o, "CreatedAt");
      if (id == null || repository == null || tag == null) {
        return;
      }
      Instant createdAt = created == null ? null : time(input, offset, created);
      images.putIfAbsent(id + " " + repository + ":" + tag, new Image(id, repository, tag,
          digest == null || digest.equals("<none>") || digest.isEmpty() ? null : digest, createdAt, at));
    }

    private void volume(SourceFile input, int offset, Map<String, Object> o, SourceRange at) {
      String name = required(input, offset, o, "Name");
      String driver = optional(input, offset, o, "Driver");
      String created = optional(input, offset, o, "CreatedAt");
      if (name == null) {
        return;
      }
      Instant createdAt = created == null ? null : time(input, offset, created);
      Volume earlier = volumes.get(name);
      if (earlier == null || earlier.createdAt() == null && createdAt != null) {
        // docker volume inspect adds the creation time that docker volume ls leaves out.
        volumes.put(name, new Volume(name, driver, createdAt, earlier == null ? at : earlier.at()));
      }
    }

    /** {@code 2024-01-15 10:00:00 +0100 CET} (docker ps, docker images) or RFC 3339 (docker volume inspect). */
    private Instant time(SourceFile input, int offset, String text) {
      try {
        if (text.length() >= 25 && text.charAt(10) == ' ') {
          return OffsetDateTime.parse(text.substring(0, 25), DOCKER_TIME).toInstant();
        }
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        problem(input, offset, "CreatedAt \"" + text + "\" is not a time as Docker prints it");
        return null;
      }
    }

    private String required(SourceFile input, int offset, Map<String, Object> o, String key) {
      Object value = o.get(key);
      if (value instanceof String s) {
        return s;
      }
      problem(input, offset, value == null ? "missing field \"" + key + "\"" : "field \"" + key + "\" is not a"
          + " string");
      return null;
    }

    private String optional(SourceFile input, int offset, Map<String, Object> o, String key) {
      Object value = o.get(key);
      if (value == null || value instanceof String) {
        return (String) value;
      }
      problem(input, offset, "field \"" + key + "\" is not a string");
      return null;
    }

    private void problem(SourceFile input, int offset, String message) {
      problems.add(Diagnostic.error(Diagnostic.Kind.INVALID_VALUE, input.at(offset), message));
    }
  }
}
