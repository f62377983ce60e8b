package dev.esnetpol;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The architecture README's Layout states, checked on the compiled main classes (tests may reach across:
 * other packages' tests use the operator's mock cluster):
 * {@code cli → operator/webhook/review → verify → generate/analyze → catalogue/model → kube/input}, and the pictures
 * ({@code graph}: layout and SVG) used by cli and review, depending on none of ours.
 * Parts on one level do not depend on each other (the operator does not reach into the webhook), except that
 * the model reads the catalogue's labels and tables (the catalogue itself depends on nothing).
 */
class ArchitectureTest {

    static final int MAX_LINES = 300;

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.esnetpol");

    @Test
    void dependenciesPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("dev.esnetpol.cli..")
                .layer("operator").definedBy("dev.esnetpol.operator..")
                .layer("webhook").definedBy("dev.esnetpol.webhook..")
                .layer("review").definedBy("dev.esnetpol.review..")
                .layer("verify").definedBy("dev.esnetpol.verify..")
                .layer("generate").definedBy("dev.esnetpol.generate..")
                .layer("analyze").definedBy("dev.esnetpol.analyze..")
                .layer("catalogue").definedBy("dev.esnetpol.catalogue..")
                .layer("model").definedBy("dev.esnetpol.model..")
                .layer("kube/input").definedBy("dev.esnetpol.kube..", "dev.esnetpol.input..")
                .layer("graph").definedBy("dev.esnetpol.graph..")

                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("operator").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("webhook").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("review").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("verify").mayOnlyBeAccessedByLayers("cli", "operator", "webhook", "review")
                .whereLayer("generate").mayOnlyBeAccessedByLayers("cli", "operator", "webhook", "review", "verify")
                .whereLayer("analyze").mayOnlyBeAccessedByLayers("cli", "operator", "webhook", "review", "verify")
                .whereLayer("model").mayOnlyBeAccessedByLayers("cli", "operator", "webhook", "review", "verify", "generate")
                .whereLayer("catalogue").mayOnlyBeAccessedByLayers("cli", "operator", "webhook", "review", "verify", "generate", "model")
                .whereLayer("kube/input").mayOnlyBeAccessedByLayers("cli", "operator", "webhook", "review", "verify", "generate",
                        "analyze", "model", "catalogue")
                .whereLayer("graph").mayOnlyBeAccessedByLayers("cli", "review")
                .because("README's Layout: dependencies point one way")
                .check(MAIN);
    }

    @Test
    void theAnalyzerKnowsNothingOfEventStreams() {
        noClasses().that().resideInAPackage("dev.esnetpol.analyze..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.esnetpol.catalogue..", "dev.esnetpol.model..",
                        "dev.esnetpol.generate..", "dev.esnetpol.verify..", "dev.esnetpol.review..", "dev.esnetpol.operator..",
                        "dev.esnetpol.webhook..", "dev.esnetpol.cli..")
                .because("the analyzer implements NetworkPolicy semantics, for any workload (README)")
                .check(MAIN);
    }

    @Test
    void noClassIsOverThreeHundredLines() {
        classes().that().areTopLevelClasses()
                .should(haveAtMostLines(MAX_LINES))
                .because("a class a reader can hold in mind; nested types count, as they are read with it")
                .check(MAIN);
    }

    /** Lines of the .java file the class was compiled from, nested types included (wc -l). */
    private static ArchCondition<JavaClass> haveAtMostLines(int max) {
        return new ArchCondition<>("have a source file of at most " + max + " lines") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                int lines = lines(c);
                events.add(new SimpleConditionEvent(c, lines <= max,
                        c.getName() + " has " + lines + " lines (" + sourceFile(c) + ")"));
            }
        };
    }

    static Path sourceFile(JavaClass c) {
        String file = c.getSource().flatMap(s -> s.getFileName()).orElse(c.getSimpleName() + ".java");
        return Path.of("src/main/java", c.getPackageName().replace('.', '/'), file);
    }

    static int lines(JavaClass c) {
        Path file = sourceFile(c);
        try (var stream = Files.lines(file)) {
            return (int) stream.count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the source of " + c.getName() + " at " + file, e);
        }
    }
}
