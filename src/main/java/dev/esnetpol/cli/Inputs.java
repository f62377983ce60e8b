package dev.esnetpol.cli;

import dev.esnetpol.input.InputProblem;
import dev.esnetpol.input.InvalidInputException;
import dev.esnetpol.input.Namespaces;
import dev.esnetpol.input.SkippedKinds;
import dev.esnetpol.input.YamlDocument;
import dev.esnetpol.input.YamlSources;
import dev.esnetpol.kube.Kubeconfig;
import dev.esnetpol.kube.StrictFields;
import dev.esnetpol.model.ApiGroupKinds;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.ResourceReader;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reading the inputs of a command, the same way for all of them: every file read and every problem of every
 * file collected (nothing stops at the first), namespaces filled in as kubectl would
 * ({@link Namespaces}), the Kubernetes kinds es-netpol understands read strictly ({@link StrictFields}),
 * and the kinds the command does not use skipped and counted on one line of standard error.
 *
 * <p>A command adds the problems of its own reading ({@link #add}) and calls {@link #failIfProblems()} once,
 * so a user sees every mistake of a run at once.
 */
final class Inputs {

    private final List<InputProblem> problems = new ArrayList<>();
    private final List<YamlDocument> used = new ArrayList<>();
    private final List<YamlDocument> skippedDocuments = new ArrayList<>();
    /** The first object of an {@code *.openshift.io} API group read, as {@code Kind name (apiVersion)}. */
    private java.util.Optional<String> openShiftObject = java.util.Optional.empty();
    private PrintWriter err = new PrintWriter(java.io.Writer.nullWriter());

    private Inputs() {
    }

    /** The namespace of objects that name none: {@code -n}, else the kubeconfig context's, else default. */
    static Namespaces.Resolved resolveNamespace(String flag) {
        if (flag != null && !flag.isEmpty()) {
            return Namespaces.Resolved.of(flag, null, null);
        }
        Kubeconfig kc = Kubeconfig.load();
        return Namespaces.Resolved.of(null, kc.namespace(), kc.currentContext());
    }

    /**
     * Reads {@code locations}, keeps the documents {@code uses} accepts, and prints what it decided on the
     * command's standard error (namespace taken, templates passed over, kinds skipped).
     *
     * @param refuseMismatch whether an object in another namespace than {@code -n} is an error (kubectl's rule;
     *                       review's -n chooses a namespace instead)
     */
    static Inputs read(CommandSpec spec, String what, List<String> locations, boolean recursive, String namespaceFlag,
                       boolean refuseMismatch, Predicate<YamlDocument> uses, InputStream stdin) {
        return read(spec, what, locations, recursive, namespaceFlag, refuseMismatch, uses, stdin, true);
    }

    /**
     * @param namesAreErrors whether names the API server refuses are errors (render, verify, review) or warnings
     *                       (matrix, explain: they also read other tools' test data, which has such names)
     */
    static Inputs read(CommandSpec spec, String what, List<String> locations, boolean recursive, String namespaceFlag,
                       boolean refuseMismatch, Predicate<YamlDocument> uses, InputStream stdin, boolean namesAreErrors) {
        return read(spec, what, locations, recursive, namespaceFlag, null, refuseMismatch, uses, stdin, namesAreErrors);
    }

    /**
     * @param given the namespace for objects without one and what named it, where the caller knows it better than
     *              {@code -n} and the kubeconfig do (files applied over a live side of {@code diff}); null: those
     */
    static Inputs read(CommandSpec spec, String what, List<String> locations, boolean recursive, String namespaceFlag, Namespaces.Resolved given,
                       boolean refuseMismatch, Predicate<YamlDocument> uses, InputStream stdin, boolean namesAreErrors) {
        if (locations.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no input: give -f FILE|DIR|- or " + what + " as a path");
        }
        if (namespaceFlag != null && !dev.esnetpol.kube.KubeValidation.isDnsLabel(namespaceFlag)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-n/--namespace: '" + namespaceFlag
                    + "' is not a namespace name (a DNS label: lower-case letters, digits and '-')");
        }
        Inputs inputs = new Inputs();
        YamlSources.Read read = YamlSources.readAll(locations, recursive, stdin);
        inputs.problems.addAll(read.problems());
        PrintWriter err = spec.commandLine().getErr();
        inputs.err = err;
        read.notes().forEach(n -> err.println("note: " + n));
        // Mismatches are refused only against -n: without it, nothing to compare with (and no kubeconfig to read).
        for (java.nio.file.Path dir : read.kustomizations()) {
            inputs.problems.add(InputProblem.at(dir.toString(), "", "a kustomization (" + dev.esnetpol.input.Kustomizations.fileOf(dir)
                    + "): its files are bases and patches that kustomize assembles, not the objects it applies; " + spec.name()
                    + " its build: kubectl kustomize " + dir + " | " + fromStdin(spec)));
        }
        // SnakeYAML's words about a template ("got this instead: <...MappingStartEvent...>") do not say what it is.
        for (InputProblem t : read.namedTemplates()) {
            inputs.problems.add(new InputProblem(t.file(), t.line(), "", "a template that YAML cannot read ({{ }}, as in a Helm chart); "
                    + "give es-netpol what Helm renders: helm template CHART | " + fromStdin(spec)));
        }
        java.util.function.Supplier<Namespaces.Resolved> resolve = given != null ? () -> given : () -> resolveNamespace(namespaceFlag);
        Namespaces.Filled filled = Namespaces.fill(read.documents(), resolve, refuseMismatch && (given != null ? given.fromFlag() : namespaceFlag != null), uses);
        inputs.problems.addAll(filled.problems());
        String nsNote = filled.note();
        if (nsNote != null) {
            err.println("note: " + nsNote);
        }
        SkippedKinds skipped = new SkippedKinds();
        skipped.addNotObjects(read.notObjects());
        read.templates().forEach(skipped::addTemplate);
        for (YamlDocument doc : read.documents()) {
            // Routes, Ingresses and Services only where the command reads them (render skips them unchecked).
            boolean checked = StrictFields.isChecked(doc) && (uses.test(doc) || !(StrictFields.isExposure(doc) || StrictFields.isService(doc)));
            List<InputProblem> strict = new ArrayList<>(checked ? StrictFields.check(doc) : List.of());
            List<InputProblem> names = checked ? StrictFields.checkNames(doc) : List.of();
            if (namesAreErrors) {
                strict.addAll(names);
            } else {
                names.forEach(p -> err.println("warning: " + p + " (the API server refuses it; analysed anyway)"));
            }
            inputs.problems.addAll(strict);
            if (inputs.openShiftObject.isEmpty() && doc.apiVersion().contains(".openshift.io/")) {
                inputs.openShiftObject = java.util.Optional.of("the inputs hold " + doc.kind() + " " + doc.name() + " (" + doc.apiVersion()
                        + "), which only OpenShift serves");
            } else if (inputs.openShiftObject.isEmpty() && "Namespace".equals(doc.kind()) && doc.name().startsWith("openshift-")) {
                inputs.openShiftObject = java.util.Optional.of("the inputs hold namespace " + doc.name() + ", which OpenShift creates");
            }
            Optional<InputProblem> unknownKind = ApiGroupKinds.unknownKind(doc);
            if (unknownKind.isPresent()) {
                inputs.problems.add(unknownKind.get()); // an error, not one of the kinds skipped
            } else if (!uses.test(doc)) {
                skipped.add(doc);
                inputs.skippedDocuments.add(doc);
            } else if (strict.isEmpty()) {
                inputs.used.add(doc);
            }
        }
        String summary = skipped.summary(spec.name());
        if (summary != null) {
            err.println("note: " + summary);
        }
        err.flush();
        return inputs;
    }

    /** The documents of the kinds the command uses that read without a problem. */
    List<YamlDocument> documents() {
        return used;
    }

    /** Why the inputs look like OpenShift (an object of an {@code *.openshift.io} API group), or empty. */
    java.util.Optional<String> openShiftEvidence() {
        return openShiftObject;
    }

    /**
     * The Event Streams resources among the documents used, each checked ({@link ResourceReader}): keys near
     * no key es-netpol reads are printed as {@code warning: FILE:LINE: path: ...} (errors with {@code strict}),
     * problems kept with the others.
     */
    List<EventStreamsResource> eventStreamsResources(boolean strict) {
        List<YamlDocument> resources = used.stream().filter(ResourceReader::isEventStreamsKind).toList();
        List<EventStreamsResource> read = add(() -> ResourceReader.readAll(resources, strict, w -> err.println("warning: " + w)).resources(),
                List.of());
        err.flush();
        return read;
    }

    /** The documents of kinds the command does not use (counted on the skip line). */
    List<YamlDocument> skippedDocuments() {
        return skippedDocuments;
    }

    /** Runs one stage of the command's reading, keeping its problems with the others instead of stopping. */
    <T> T add(java.util.function.Supplier<T> stage, T onProblems) {
        try {
            return stage.get();
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return onProblems;
        }
    }

    void add(List<InputProblem> more) {
        problems.addAll(more);
    }

    /** Hands this reading's problems to {@code other}, which reports them with its own. */
    void failIfProblemsInto(Inputs other) {
        other.problems.addAll(problems);
        problems.clear();
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Throws every problem found by every stage, in file and line order, if there is any. */
    void failIfProblems() {
        if (!problems.isEmpty()) {
            List<InputProblem> sorted = new ArrayList<>(new java.util.LinkedHashSet<>(problems));
            sorted.sort(java.util.Comparator.comparing(InputProblem::file)); // stable: each file's problems in the order found
            throw new InvalidInputException(sorted);
        }
    }

    /** The command reading standard input: {@code es-netpol matrix -f -}; {@code diff}, whose inputs are its operands, {@code es-netpol diff OLD -}. */
    static String fromStdin(picocli.CommandLine.Model.CommandSpec spec) {
        return spec.name().equals("diff") ? "es-netpol diff OLD -" : "es-netpol " + spec.name() + " -f -";
    }
}
