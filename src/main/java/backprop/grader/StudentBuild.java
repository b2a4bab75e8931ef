package backprop.grader;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.jdt.core.compiler.batch.BatchCompiler;

import backprop.harness.sandbox.BytecodeCheck;
import backprop.harness.sandbox.Violation;

/**
 * Compiles a submission's sources with Eclipse's compiler in-process, proceeding past errors (a
 * method that does not compile throws its compile error when called, so one broken exercise does
 * not sink the others), against the grader's harness. Then checks every class against the
 * forbidden-API rules; an exercise that breaks them is compiled again from its untouched stub, so
 * its code never runs and the exercises built on it are graded against the stub.
 */
final class StudentBuild {
    private static final Pattern ECJ_PROBLEM = Pattern.compile("^\\d+\\. ERROR in (.*?) \\(at line (\\d+)\\)$");
    private static final int MAX_COMPILE_ERRORS_SHOWN = 8;

    /** Exercise → its violations (those exercises score 0 and do not run). */
    final Map<String, List<Violation>> violations = new TreeMap<>();
    /** Exercise → compile errors, as "File.java line N: message". */
    final Map<String, List<String>> compileErrors = new TreeMap<>();
    /** Exercise → files graded as the untouched stub because the submission did not have them. */
    final Map<String, List<String>> stubbed = new TreeMap<>();
    /** Compiled (final) classes, by internal name → exercise. */
    final Map<String, String> owner = new TreeMap<>();
    Path classes;

    static StudentBuild run(Layout layout, Intake intake, List<String> exercises, Path work, List<Path> compileClassPath,
            Predicate<String> isTestClass) throws IOException {
        StudentBuild b = new StudentBuild();
        Map<String, Map<String, String>> stubs = new LinkedHashMap<>();
        for (String e : exercises) {
            stubs.put(e, readTree(layout.root().resolve("exercises").resolve(e).resolve("src")));
        }
        Path first = work.resolve("compile-1");
        b.compile(intake, stubs, Set.of(), first, compileClassPath, false);
        b.check(first, isTestClass);
        if (b.violations.isEmpty()) {
            b.classes = first.resolve("classes");
            return b;
        }
        // The second pass only swaps disqualified exercises for their stubs; its messages are the first's.
        Path second = work.resolve("compile-2");
        b.owner.clear();
        b.compile(intake, stubs, b.violations.keySet(), second, compileClassPath, true);
        b.classes = second.resolve("classes");
        return b;
    }

    private void compile(Intake intake, Map<String, Map<String, String>> stubs, Set<String> useStub, Path dir,
            List<Path> classPath, boolean quiet) throws IOException {
        Path src = dir.resolve("src");
        Path out = dir.resolve("classes");
        Files.createDirectories(out);
        List<String> args = new ArrayList<>(List.of("-17", "-encoding", "UTF-8", "-proceedOnError", "-nowarn", "-g",
                "-d", out.toString(), "-cp", join(classPath)));
        Map<String, String> fileToExercise = new HashMap<>();
        Map<String, String> relToExercise = new HashMap<>();
        for (Map.Entry<String, Map<String, String>> e : stubs.entrySet()) {
            String exercise = e.getKey();
            Map<String, String> theirs = useStub.contains(exercise) ? Map.of() : intake.sources.getOrDefault(exercise, Map.of());
            Map<String, String> files = new TreeMap<>(theirs);
            for (Map.Entry<String, String> stub : e.getValue().entrySet()) {
                if (!files.containsKey(stub.getKey())) {
                    files.put(stub.getKey(), stub.getValue());
                    if (!quiet && !useStub.contains(exercise)) {
                        stubbed.computeIfAbsent(exercise, k -> new ArrayList<>()).add("exercises/" + exercise + "/src/" + stub.getKey());
                    }
                }
            }
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = src.resolve(exercise).resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
                args.add(p.toString());
                fileToExercise.put(p.toString(), exercise);
                relToExercise.putIfAbsent(f.getKey(), exercise);
            }
        }
        StringWriter log = new StringWriter();
        BatchCompiler.compile(args.toArray(String[]::new), new PrintWriter(log), new PrintWriter(log), null);
        if (!quiet) {
            parseErrors(log.toString(), fileToExercise, src);
        }
        mapClasses(out, relToExercise);
    }

    private void parseErrors(String log, Map<String, String> fileToExercise, Path src) {
        for (String block : log.split("----------")) {
            String[] lines = block.strip().split("\\R");
            if (lines.length < 2) {
                continue;
            }
            Matcher m = ECJ_PROBLEM.matcher(lines[0].strip());
            if (!m.matches()) {
                continue;
            }
            String exercise = fileToExercise.get(m.group(1));
            if (exercise == null) {
                continue;
            }
            String file = src.resolve(exercise).relativize(Path.of(m.group(1))).toString();
            List<String> errors = compileErrors.computeIfAbsent(exercise, k -> new ArrayList<>());
            if (errors.size() < MAX_COMPILE_ERRORS_SHOWN) {
                errors.add("exercises/" + exercise + "/src/" + file + " line " + m.group(2) + ": " + lines[lines.length - 1].strip());
            }
        }
    }

    /** Which exercise each class came from: its package folder plus its SourceFile attribute name a source of one exercise. */
    private void mapClasses(Path out, Map<String, String> relToExercise) throws IOException {
        for (Path c : classFiles(out)) {
            byte[] bytes = Files.readAllBytes(c);
            String name = BytecodeCheck.internalName(bytes);
            String pkg = name.contains("/") ? name.substring(0, name.lastIndexOf('/') + 1) : "";
            String source = BytecodeCheck.sourceFile(bytes);
            String exercise = relToExercise.get(pkg + source);
            if (exercise == null) {
                // A package declaration that does not match the file's folder: attribute the class by its file name.
                exercise = relToExercise.entrySet().stream().filter(e -> e.getKey().equals(source) || e.getKey().endsWith("/" + source))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
            }
            owner.put(name, exercise);
        }
    }

    private void check(Path dir, Predicate<String> isTestClass) throws IOException {
        Path out = dir.resolve("classes");
        Predicate<String> isOwn = owner::containsKey;
        for (Path c : classFiles(out)) {
            byte[] bytes = Files.readAllBytes(c);
            String name = BytecodeCheck.internalName(bytes);
            String exercise = owner.get(name);
            if (exercise == null) {
                continue;
            }
            List<Violation> found = new ArrayList<>(BytecodeCheck.check(bytes, isOwn));
            String source = BytecodeCheck.sourceFile(bytes);
            if (!name.startsWith("kata/")) {
                found.add(0, new Violation(name.replace('/', '.'), source, null, 0, "the package " + packageOf(name),
                        "an exercise's classes belong in the kata's packages (kata.…), where they cannot stand in for the harness"));
            } else if (isTestClass.test(name)) {
                found.add(0, new Violation(name.replace('/', '.'), source, null, 0, "the name of one of the kata's test classes",
                        "a class of yours may not take the place of the tests or their helpers"));
            }
            if (!found.isEmpty()) {
                violations.computeIfAbsent(exercise, k -> new ArrayList<>()).addAll(found);
            }
        }
    }

    /** Writes the final classes, with call counters for the probe, to {@code dir}. */
    List<Instrumenter.Site> instrumentInto(Path dir) throws IOException {
        Instrumenter in = new Instrumenter();
        for (Path c : classFiles(classes)) {
            byte[] bytes = Files.readAllBytes(c);
            String name = BytecodeCheck.internalName(bytes);
            Path target = dir.resolve(classes.relativize(c).toString());
            Files.createDirectories(target.getParent());
            Files.write(target, in.instrument(bytes, owner.get(name)));
        }
        return in.sites();
    }

    static Map<String, String> readTree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.filter(f -> f.toString().endsWith(".java")).sorted()::iterator) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    static List<Path> classFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
    }

    private static String packageOf(String internalName) {
        return internalName.contains("/") ? internalName.substring(0, internalName.lastIndexOf('/')).replace('/', '.') : "(default package)";
    }

    static String join(List<Path> paths) {
        StringBuilder sb = new StringBuilder();
        for (Path p : paths) {
            if (sb.length() > 0) {
                sb.append(java.io.File.pathSeparatorChar);
            }
            sb.append(p);
        }
        return sb.toString();
    }
}
