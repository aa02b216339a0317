package dev.lashing.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Writes the {@code @RuleInfo} of each rule class out as plain Java: for a rule {@code Privileged}, a class
 * {@code PrivilegedInfo} beside it whose {@code INFO} is a {@code GeneratedRuleInfo} holding the same values, for
 * the rule's {@code info()} to return ({@code Outer_InnerInfo} for a nested rule class). Reading the annotation at
 * run time instead would cost two dynamic proxy classes, spun through the JDK's class-file API, and annotation
 * parsing: about an eighth of the CPU time of a one-file lint. A rule class compiled with the processor must declare
 * {@code info()} (an error otherwise), so none falls back to reflection unnoticed.
 */
@SupportedAnnotationTypes(RuleInfoProcessor.ANNOTATION)
public final class RuleInfoProcessor extends AbstractProcessor {
  static final String ANNOTATION = "dev.lashing.lint.RuleInfo";
  /** Its constructor takes the annotation's members in the order the annotation declares them. */
  private static final String IMPLEMENTATION = "dev.lashing.lint.GeneratedRuleInfo";

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement annotation : annotations) {
      for (TypeElement rule : ElementFilter.typesIn(round.getElementsAnnotatedWith(annotation))) {
        write(rule, annotation);
        if (!declaresInfo(rule)) {
          processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, rule.getSimpleName()
              + " does not declare info(): return " + holderName(rule) + ".INFO from it, written out from its"
              + " @RuleInfo, or Rule.info() reads the annotation by reflection at every start", rule);
        }
      }
    }
    return true;
  }

  private void write(TypeElement rule, TypeElement annotation) {
    Elements elements = processingEnv.getElementUtils();
    PackageElement pkg = elements.getPackageOf(rule);
    String holder = holderName(rule);
    String qualified = pkg.isUnnamed() ? holder : pkg.getQualifiedName() + "." + holder;
    Map<? extends ExecutableElement, ? extends AnnotationValue> values =
        elements.getElementValuesWithDefaults(mirror(rule, annotation));
    List<String> arguments = new ArrayList<>();
    for (ExecutableElement member : ElementFilter.methodsIn(annotation.getEnclosedElements())) {
      arguments.add(source(member, values.get(member)));
    }
    StringBuilder java = new StringBuilder();
    if (!pkg.isUnnamed()) {
      java.append("package ").append(pkg.getQualifiedName()).append(";\n\n");
    }
    java.append("/** The {@code @RuleInfo} of {@code ").append(rule.getQualifiedName())
        .append("}, written out at compile time: the rule's {@code info()} returns it. */\n")
        .append("@javax.annotation.processing.Generated(\"").append(RuleInfoProcessor.class.getName()).append("\")\n")
        .append("final class ").append(holder).append(" {\n")
        .append("  static final ").append(ANNOTATION).append(" INFO = new ").append(IMPLEMENTATION).append("(\n      ")
        .append(String.join(",\n      ", arguments)).append(");\n\n")
        .append("  private ").append(holder).append("() {}\n")
        .append("}\n");
    try (Writer out = processingEnv.getFiler().createSourceFile(qualified, rule).openWriter()) {
      out.write(java.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + qualified, e);
    }
  }

  private static boolean declaresInfo(TypeElement rule) {
    return ElementFilter.methodsIn(rule.getEnclosedElements()).stream()
        .anyMatch(m -> m.getSimpleName().contentEquals("info") && m.getParameters().isEmpty());
  }

  /** {@code PrivilegedInfo} for {@code Privileged}; {@code EngineRules_InvalidSuppressionInfo} for a nested class. */
  private static String holderName(TypeElement rule) {
    StringBuilder name = new StringBuilder(rule.getSimpleName());
    Element outer = rule.getEnclosingElement();
    for (; outer instanceof TypeElement; outer = outer.getEnclosingElement()) {
      name.insert(0, outer.getSimpleName() + "_");
    }
    return name.append("Info").toString();
  }

  private static AnnotationMirror mirror(TypeElement rule, TypeElement annotation) {
    for (AnnotationMirror mirror : rule.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().asElement().equals(annotation)) {
        return mirror;
      }
    }
    throw new IllegalStateException(rule + " was reported as annotated with " + annotation + " but is not");
  }

  /** The value as a Java expression of the member's type. */
  private String source(ExecutableElement member, AnnotationValue value) {
    Object v = value.getValue();
    if (v instanceof String s) {
      return processingEnv.getElementUtils().getConstantExpression(s);
    }
    if (v instanceof VariableElement constant) {
      return constant.getEnclosingElement() + "." + constant.getSimpleName();
    }
    if (v instanceof List<?> items) {
      List<String> sources = new ArrayList<>();
      for (Object item : items) {
        sources.add(source(member, (AnnotationValue) item));
      }
      return "new " + ((ArrayType) member.getReturnType()).getComponentType() + "[] {"
          + String.join(", ", sources) + "}";
    }
    return value.toString();
  }
}
