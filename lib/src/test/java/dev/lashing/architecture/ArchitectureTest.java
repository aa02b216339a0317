package dev.lashing.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * The layers of the library, bottom to top, as docs/architecture.md draws them: a layer uses only the layers
 * below it, and no two packages depend on each other.
 */
class ArchitectureTest {
  private static final JavaClasses LIB =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.lashing");

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("dev.lashing.(*)..").should().beFreeOfCycles().check(LIB);
  }

  @Test
  void eachLayerUsesOnlyTheLayersBelowIt() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("facade").definedBy("dev.lashing.api..")
        .layer("operations").definedBy("dev.lashing.fix..", "dev.lashing.patch..", "dev.lashing.report..",
            "dev.lashing.inventory..", "dev.lashing.config..", "dev.lashing.converge..")
        .layer("lint engine").definedBy("dev.lashing.lint..", "dev.lashing.render..")
        .layer("loader").definedBy("dev.lashing.load..")
        .layer("model").definedBy("dev.lashing.model..")
        .layer("interpolation and schema").definedBy("dev.lashing.interpolation..", "dev.lashing.schema..")
        .layer("yaml and knowledge").definedBy("dev.lashing.yaml..", "dev.lashing.knowledge..")
        .layer("tree").definedBy("dev.lashing.tree..")
        .layer("source").definedBy("dev.lashing.source..", "dev.lashing.syntax..")
        .whereLayer("facade").mayNotBeAccessedByAnyLayer()
        .whereLayer("operations").mayOnlyBeAccessedByLayers("facade")
        .whereLayer("lint engine").mayOnlyBeAccessedByLayers("facade", "operations")
        .whereLayer("loader").mayOnlyBeAccessedByLayers("facade", "operations", "lint engine")
        .whereLayer("model").mayOnlyBeAccessedByLayers("facade", "operations", "lint engine", "loader")
        .whereLayer("interpolation and schema")
        .mayOnlyBeAccessedByLayers("facade", "operations", "lint engine", "loader", "model")
        .whereLayer("yaml and knowledge")
        .mayOnlyBeAccessedByLayers("facade", "operations", "lint engine", "loader", "model",
            "interpolation and schema")
        .whereLayer("tree")
        .mayOnlyBeAccessedByLayers("facade", "operations", "lint engine", "loader", "model",
            "interpolation and schema", "yaml and knowledge")
        .check(LIB);
  }

  /** The processor writes rule metadata out at compile time; nothing runs against it, and it reads no Lashing class. */
  @Test
  void theRuleInfoProcessorIsACompileTimeToolApart() {
    ArchRuleDefinition.noClasses().that().resideOutsideOfPackage("dev.lashing.processor..")
        .should().dependOnClassesThat().resideInAPackage("dev.lashing.processor..")
        .check(LIB);
    ArchRuleDefinition.noClasses().that().resideInAPackage("dev.lashing.processor..")
        .should().dependOnClassesThat().resideOutsideOfPackages("dev.lashing.processor..", "java..", "javax..")
        .check(LIB);
  }

  @Test
  void onlyTheYamlPackageReadsYamlWithSnakeyaml() {
    ArchRuleDefinition.noClasses().that().resideOutsideOfPackage("dev.lashing.yaml..")
        .should().dependOnClassesThat().resideInAPackage("org.snakeyaml..")
        .check(LIB);
  }
}
