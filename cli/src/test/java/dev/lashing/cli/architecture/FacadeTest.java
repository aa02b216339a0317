package dev.lashing.cli.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The command line reaches the engines through the api facade (dev.lashing.api.Lashing), never directly. */
class FacadeTest {
  private static final Set<String> ENGINES = Set.of(
      "dev.lashing.load.ProjectLoader",
      "dev.lashing.lint.Linter",
      "dev.lashing.fix.Fixer",
      "dev.lashing.patch.Patcher",
      "dev.lashing.render.ConfigWriter",
      "dev.lashing.inventory.InventoryLoader",
      "dev.lashing.inventory.generate.ComposeGenerator",
      "dev.lashing.inventory.audit.Auditor");

  @Test
  void theCommandLineCallsTheEnginesOnlyThroughTheFacade() {
    JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.lashing");
    DescribedPredicate<JavaClass> engine =
        DescribedPredicate.describe("an engine of the library", c -> ENGINES.contains(c.getName()));
    noClasses().that().resideInAPackage("dev.lashing.cli..")
        .should().callCodeUnitWhere(target(owner(engine)))
        .check(classes);
  }
}
