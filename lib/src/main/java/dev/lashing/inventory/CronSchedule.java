package dev.lashing.inventory;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The schedules the backup job's scheduler accepts (the cron syntax of Go's robfig/cron, which
 * prodrigestivill/postgres-backup-local reads from SCHEDULE): a descriptor ({@code @daily}, {@code @every 6h}...),
 * or five fields (minute hour day-of-month month day-of-week) with an optional seconds field first, each a list of
 * {@code *}, {@code ?}, values and ranges, with an optional {@code /step}; months and weekdays also by name. A
 * schedule it refuses makes the job exit at start, and no backup is ever taken.
 */
final class CronSchedule {
  private static final List<String> DESCRIPTORS =
      List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");
  /** A Go duration, as {@code @every} takes it: 90m, 1h30m, 1.5h, 500ms... */
  private static final Pattern DURATION = Pattern.compile("(\\d+(\\.\\d+)?(ns|us|µs|ms|s|m|h))+");
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
  private static final List<String> WEEKDAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");

  /** A field's name, bounds and names for its values (the first name is the lowest value). */
  private record Field(String name, int min, int max, List<String> names) {}

  private static final List<Field> FIELDS = List.of(
      new Field("second", 0, 59, List.of()),
      new Field("minute", 0, 59, List.of()),
      new Field("hour", 0, 23, List.of()),
      new Field("day of month", 1, 31, List.of()),
      new Field("month", 1, 12, MONTHS),
      new Field("day of week", 0, 6, WEEKDAYS));

  private CronSchedule() {}

  /** What is wrong with {@code schedule}, or null when the scheduler takes it. */
  static String problem(String schedule) {
    String text = schedule.trim();
    if (text.startsWith("@")) {
      if (DESCRIPTORS.contains(text.toLowerCase(Locale.ROOT))) {
        return null;
      }
      if (text.startsWith("@every ")) {
        String duration = text.substring("@every ".length()).trim();
        return DURATION.matcher(duration).matches() ? null
            : "@every takes a duration such as 6h or 90m, not '" + duration + "'";
      }
      return "unknown descriptor " + text + "; use @hourly, @daily, @weekly, @monthly, @yearly or @every DURATION";
    }
    String[] parts = text.split("\\s+");
    if (parts.length != 5 && parts.length != 6) {
      return "a cron schedule has 5 fields (minute hour day-of-month month day-of-week), or 6 with seconds first,"
          + " not " + parts.length;
    }
    List<Field> fields = FIELDS.subList(6 - parts.length, 6);
    for (int i = 0; i < parts.length; i++) {
      String problem = fieldProblem(parts[i], fields.get(i));
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static String fieldProblem(String part, Field field) {
    for (String item : part.split(",", -1)) {
      String range = item;
      int slash = item.indexOf('/');
      if (slash >= 0) {
        range = item.substring(0, slash);
        Integer step = number(item.substring(slash + 1));
        if (step == null || step == 0) {
          return field.name() + " '" + part + "': the step after / must be a positive number";
        }
      }
      if (range.equals("*") || range.equals("?")) {
        continue;
      }
      int dash = range.indexOf('-');
      Integer low = value(dash < 0 ? range : range.substring(0, dash), field);
      Integer high = dash < 0 ? low : value(range.substring(dash + 1), field);
      if (low == null || high == null || low > high) {
        return field.name() + " '" + part + "' is not " + (field.names().isEmpty() ? "" : "a name or ")
            + "a value or range from " + field.min() + " to " + field.max();
      }
    }
    return null;
  }

  /** A value of the field, by number or name, or null when it is neither or out of bounds. */
  private static Integer value(String text, Field field) {
    int named = field.names().indexOf(text.toLowerCase(Locale.ROOT));
    Integer value = named >= 0 ? Integer.valueOf(named + field.min()) : number(text);
    return value != null && value >= field.min() && value <= field.max() ? value : null;
  }

  private static Integer number(String text) {
    if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return Integer.parseInt(text);
  }
}
