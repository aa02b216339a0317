package dev.lashing.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the distribution's ahead-of-time cache cannot hold, and every run would pay for again. The comparators that
 * {@link Comparator#comparing}, {@link Comparator#thenComparing} and {@link Map.Entry#comparingByKey} and their
 * kin build are serializable lambdas, which the cache does not keep: each is generated as a class at run time, a
 * few milliseconds the first time (one in a rule took a twentieth of a lint of Plane's file). Comparators are
 * written out as lambdas of Lashing's own instead.
 */
class AheadOfTimeCacheTest {
  @Test
  void noComparatorIsBuiltFromTheJdksSerializableLambdas() {
    DescribedPredicate<JavaMethodCall> serializableComparator = DescribedPredicate.describe(
        "a method of Comparator or Map.Entry that builds a comparator from a serializable lambda",
        call -> (call.getTargetOwner().isEquivalentTo(Comparator.class)
            || call.getTargetOwner().isEquivalentTo(Map.Entry.class))
            && (call.getName().startsWith("comparing") || call.getName().startsWith("thenComparing")));
    noClasses().should().callMethodWhere(serializableComparator)
        .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.lashing"));
  }
}
