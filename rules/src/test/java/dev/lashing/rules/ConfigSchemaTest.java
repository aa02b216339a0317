package dev.lashing.rules;

import dev.lashing.lint.Rule;
import dev.lashing.lint.RuleInfo;
import dev.lashing.lint.RuleOption;
import dev.lashing.lint.RuleRegistry;
import dev.lashing.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code .lashing.yml} schema lists every built-in rule with the options it declares, for editors; this
 * test writes that part from the rules themselves, so it cannot drift ({@code -Dlashing.updateGolden=true}
 * rewrites the file).
 */
class ConfigSchemaTest {
  private static final Path SCHEMA =
      Path.of(System.getProperty("lashing.root", "..")).resolve("schemas/lashing-config.schema.json");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** Two spaces, arrays on their own lines, {@code "key": value}: the layout of the other schemas. */
  private static final DefaultPrettyPrinter LAYOUT = new DefaultPrettyPrinter(Separators.createDefaultInstance()
      .withObjectNameValueSpacing(Separators.Spacing.AFTER)
      .withArrayEmptySeparator("").withObjectEmptySeparator(""))
      .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
      .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));

  @Test
  void listsEveryRuleWithItsOptions() throws IOException {
    ObjectNode schema = (ObjectNode) JSON.readTree(Files.readString(SCHEMA));
    ObjectNode rules = (ObjectNode) schema.get("properties").get("rules");
    ObjectNode byId = rules.putObject("properties");
    RuleRegistry registry = new RuleRegistry(new BuiltInRules().rules());
    for (Rule rule : registry.rules()) {
      RuleInfo info = rule.info();
      byId.set(info.id(), rule(info, registry.options().get(info.id())));
    }
    Golden.assertMatches(SCHEMA, JSON.writerWithDefaultPrettyPrinter().with(LAYOUT).writeValueAsString(schema) + "\n");
  }

  /** The generic rule setting, with the rule's own options named and typed. */
  private static JsonNode rule(RuleInfo info, List<RuleOption> options) {
    ObjectNode rule = JSON.createObjectNode();
    rule.put("description", info.summary());
    ArrayNode allOf = rule.putArray("allOf");
    allOf.addObject().put("$ref", "#/definitions/rule");
    ObjectNode named = allOf.addObject().putObject("properties").putObject("options");
    named.put("additionalProperties", false);
    ObjectNode properties = named.putObject("properties");
    for (RuleOption option : options) {
      ObjectNode property = type(option.type());
      property.put("description", option.description());
      properties.set(option.name(), property);
    }
    return rule;
  }

  private static ObjectNode type(RuleOption.Type type) {
    ObjectNode schema = JSON.createObjectNode();
    switch (type) {
      case TEXT, ADDRESS -> schema.put("type", "string");
      case NETWORK -> schema.put("type", "string").put("pattern", "^[a-zA-Z0-9._-]+$");
      case TEXTS -> {
        ArrayNode oneOf = schema.putArray("oneOf");
        oneOf.addObject().put("type", "string");
        oneOf.addObject().put("type", "array").putObject("items").put("type", "string");
      }
      case FLAG -> schema.put("type", "boolean");
      case BYTES, MEMORY -> schema.putArray("type").add("string").add("integer");
      case NUMBER, WHOLE, CPUS -> schema.putArray("type").add("number").add("string");
    }
    return schema;
  }
}
