package dev.lashing.knowledge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a MinIO image ships the {@code mc} client, by release: its healthcheck ({@code mc ready local}) and a
 * patch's backup job ({@code mc mirror}) run it, so both ask here.
 */
public final class MinioReleases {
  /**
   * The first release whose minio/minio image runs {@code mc}. From the history of Dockerfile.release in
   * github.com/minio/minio: the server image had no mc until "ship mc along with MinIO container image" (#16156,
   * 2022-12-02), which stored it gzipped as /opt/bin/mc.gz; "do not need to gzip 'mc'" (#17586, 2023-07-06) left it
   * without the execute bit, which "fix: allow mc executable inside minio containers" (#17755, 2023-07-31) added,
   * first in RELEASE.2023-08-04T17-40-21Z. The image downloads the mc of the day, which has had {@code mc ready}
   * since mc RELEASE.2022-07-06T14-54-36Z (minio/mc#4101).
   */
  static final String FIRST_WITH_MC = "RELEASE.2023-08-04T17-40-21Z";

  /**
   * Bitnami's MinIO image bundles its own mc, built with each tag (2022.8.1 and so on, the server's release date):
   * Lashing counts on {@code mc ready} (mc of 2022-07-06 on) from the tags of August 2022, a month later.
   */
  private static final int[] BITNAMI_MC_READY = {2022, 8};

  private static final Pattern RELEASE = Pattern.compile("RELEASE\\.(\\d{4}-\\d{2}-\\d{2})T.*");

  private MinioReleases() {}

  /**
   * Null when the minio/minio image of this tag runs {@code mc}; otherwise why it may not, as a clause. The tag is
   * as {@link KnownHealthcheck.Subject#tag()} gives it: {@code latest} when none is written, null for a digest
   * alone.
   */
  public static String withoutMc(String tag) {
    String since = "only MinIO server images from " + FIRST_WITH_MC + " on run mc";
    if (tag == null) {
      return "a digest alone does not tell its release, and " + since;
    }
    Matcher release = RELEASE.matcher(tag);
    if (release.matches()) {
      String first = FIRST_WITH_MC.substring("RELEASE.".length(), "RELEASE.".length() + 10);
      return release.group(1).compareTo(first) >= 0 ? null
          : "release " + tag + " predates " + FIRST_WITH_MC + ", the first MinIO server image that runs mc";
    }
    return MovingTags.movement(tag) != null ? null
        : "its tag '" + tag + "' names no release Lashing can read, and " + since;
  }

  /** Null when the bitnami/minio image of this tag bundles an mc that has {@code ready}; otherwise why it may not. */
  static String withoutMcReady(String tag) {
    return switch (TagVersions.order(tag, BITNAMI_MC_READY[0], BITNAMI_MC_READY[1])) {
      case SINCE, CURRENT -> null;
      case BEFORE -> "its tag '" + tag + "' is older than 2022.8, and the mc it bundles may predate mc ready";
      case UNKNOWN -> (tag == null ? "a digest alone does not tell" : "its tag '" + tag + "' does not tell")
          + " whether the mc it bundles has mc ready (Bitnami's tags from 2022.8 on do)";
    };
  }
}
