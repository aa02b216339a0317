package dev.lashing.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialsTest {
  @ParameterizedTest
  @ValueSource(strings = {"DB_PASSWORD", "githubToken", "AWS_SECRET_ACCESS_KEY", "SECRET_KEY_BASE", "ADMIN_PASSWORD_HASH",
      "myAPIKey", "api.key", "API_KEYS", "x2Token", "straße_token", "é_TOKEN", "MY_PWD", "pass2Word_SECRET",
      "db_pa\u017f\u017fword"}) // the last: long s, upper-cased to S
  void namesThatEndInACredential(String name) {
    assertThat(Credentials.isCredentialName(name)).isTrue();
    assertThat(Credentials.isCredentialName(name)).isEqualTo(byRegularExpressions(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"DB_PASSWORD_FILE", "TOKEN_EXPIRY_MINUTES", "API_KEY_RATE_LIMIT", "PWD", "pwd", "KEY", "KEYS",
      "HASH", "_", "", "MONKEY", "TOKENIZER", "🔑_KEY", "password\u0301x", "TURNKEY", "LOG_LEVEL", "HOME"})
  void namesThatDoNot(String name) {
    assertThat(Credentials.isCredentialName(name)).isFalse();
    assertThat(Credentials.isCredentialName(name)).isEqualTo(byRegularExpressions(name));
  }

  @Test
  void aPasswordInAUrlIsFoundWithWhatSurroundsIt() {
    assertThat(Credentials.passwordInUrl("DSN=postgres://app:hunter2@db:5432/app?ssl=1"))
        .contains(new Credentials.UrlPassword("postgres://app:", "hunter2", "db:5432"));
    assertThat(Credentials.passwordInUrl("redis://:s3cret@cache")).map(Credentials.UrlPassword::password)
        .contains("s3cret");
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres://db/app", "https://user@host/", "mail me@example.org", "",
      "docker-image://alpine:3.20@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
  void noPasswordInThoseUrls(String value) {
    assertThat(Credentials.passwordInUrl(value)).isEmpty();
    assertThat(Credentials.hasPasswordInUrl(value)).isFalse();
  }

  @Test
  void aPasswordAfterADigestIsStillFound() {
    assertThat(Credentials.passwordInUrl("docker-image://alpine:3.20@sha256:"
        + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef https://u:p@host"))
        .map(Credentials.UrlPassword::host).contains("host");
  }

  /** The judgement as it was first written, with regular expressions: the reference for the hand-written split. */
  private static boolean byRegularExpressions(String name) {
    List<String> words = Arrays.stream(name.replaceAll("(?<=[a-z0-9])(?=[A-Z])", "_").toUpperCase(Locale.ROOT)
        .split("[^A-Z0-9]+")).filter(w -> !w.isEmpty()).toList();
    if (words.size() > 1 && List.of("BASE", "VALUE", "HASH").contains(words.get(words.size() - 1))) {
      words = words.subList(0, words.size() - 1);
    }
    if (words.isEmpty() || name.equalsIgnoreCase("PWD")) {
      return false;
    }
    String last = words.get(words.size() - 1);
    return List.of("PASSWORD", "PASSWORDS", "PASSWD", "PASS", "PWD", "PASSPHRASE", "SECRET", "TOKEN", "APIKEY",
        "CREDENTIAL", "CREDENTIALS", "PRIVATEKEY", "SECRETKEY", "ACCESSKEY").contains(last)
        || last.matches("KEYS?") && words.size() > 1
            && List.of("API", "ACCESS", "PRIVATE", "SECRET", "AUTH", "ENCRYPTION", "SIGNING", "MASTER", "LICENSE")
                .contains(words.get(words.size() - 2));
  }
}
