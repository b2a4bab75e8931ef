package backprop.grader;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The graded tests, found in the grader's own compiled tests (and an instructor's hidden ones):
 * test classes by their {@code @Exercise} value, read from bytecode without loading them, then
 * each class's test methods as the JUnit Platform discovers them. Known before any learner code
 * runs, so a test whose JVM never reports still gets a result.
 */
public final class TestCatalog {
    /** One graded test: a test method, or a parameterised one counted once over all its invocations. */
    public record GradedTest(String exercise, String uniqueId, String className, String method, String name, boolean hidden) { }

    private final Map<String, List<String>> classesByExercise = new LinkedHashMap<>();
    private final Map<String, List<String>> helpersByExercise = new LinkedHashMap<>();
    private final Map<String, List<GradedTest>> tests = new LinkedHashMap<>();
    private final Set<String> allClassNames = new HashSet<>();

    public List<String> testClasses(String exercise) {
        return classesByExercise.getOrDefault(exercise, List.of());
    }

    /** Other classes in the test classes' packages (network adapters the probe may use). */
    public List<String> helpers(String exercise) {
        return helpersByExercise.getOrDefault(exercise, List.of());
    }

    public List<GradedTest> tests(String exercise) {
        return tests.getOrDefault(exercise, List.of());
    }

    public boolean isTestClass(String internalName) {
        return allClassNames.contains(internalName);
    }

    /** Reads the test classes under each root (kata/** only) and discovers their tests with {@code parent}'s JUnit. */
    public static TestCatalog discover(List<Path> roots, Set<Path> hiddenRoots, ClassLoader parent) throws IOException {
        TestCatalog c = new TestCatalog();
        Map<String, Integer> methodOrder = new HashMap<>();
        Map<String, Boolean> hiddenClass = new HashMap<>();
        Map<String, Set<String>> packagesByExercise = new HashMap<>();
        Map<String, List<String>> classesByPackage = new HashMap<>();
        for (Path root : roots) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(root)) {
                files = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
            }
            for (Path f : files) {
                ClassInfo info = ClassInfo.read(Files.readAllBytes(f));
                c.allClassNames.add(info.internalName);
                String dotted = info.internalName.replace('/', '.');
                String pkg = dotted.contains(".") ? dotted.substring(0, dotted.lastIndexOf('.')) : "";
                classesByPackage.computeIfAbsent(pkg, k -> new ArrayList<>()).add(dotted);
                for (int i = 0; i < info.methods.size(); i++) {
                    methodOrder.putIfAbsent(dotted + "#" + info.methods.get(i), i);
                }
                if (info.exercise != null) {
                    c.classesByExercise.computeIfAbsent(info.exercise, k -> new ArrayList<>()).add(dotted);
                    packagesByExercise.computeIfAbsent(info.exercise, k -> new HashSet<>()).add(pkg);
                    hiddenClass.put(dotted, hiddenRoots.contains(root));
                }
            }
        }
        for (Map.Entry<String, Set<String>> e : packagesByExercise.entrySet()) {
            List<String> helpers = new ArrayList<>();
            for (String pkg : e.getValue()) {
                for (String cls : classesByPackage.getOrDefault(pkg, List.of())) {
                    if (!c.testClasses(e.getKey()).contains(cls)) {
                        helpers.add(cls);
                    }
                }
            }
            c.helpersByExercise.put(e.getKey(), helpers);
        }
        URL[] urls = new URL[roots.size()];
        for (int i = 0; i < roots.size(); i++) {
            urls[i] = roots.get(i).toUri().toURL();
        }
        try (URLClassLoader loader = new URLClassLoader(urls, parent)) {
            for (Map.Entry<String, List<String>> e : c.classesByExercise.entrySet()) {
                c.tests.put(e.getKey(), c.discover(e.getKey(), e.getValue(), loader, methodOrder, hiddenClass));
            }
        }
        return c;
    }

    private List<GradedTest> discover(String exercise, List<String> classNames, ClassLoader loader,
            Map<String, Integer> methodOrder, Map<String, Boolean> hiddenClass) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (String name : classNames) {
            try {
                request.selectors(DiscoverySelectors.selectClass(Class.forName(name, false, loader)));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("the grader's test class " + name + " does not load: rebuild the grader (grader/setup)", e);
            }
        }
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        TestPlan plan;
        try {
            plan = LauncherFactory.create().discover(request.build());
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
        List<GradedTest> out = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier id : plan.getDescendants(root)) {
                if (id.getSource().orElse(null) instanceof MethodSource m
                        && plan.getParent(id).flatMap(TestIdentifier::getSource).filter(MethodSource.class::isInstance).isEmpty()) {
                    out.add(new GradedTest(exercise, id.getUniqueId(), m.getClassName(), m.getMethodName(),
                            TestNames.sentence(m.getMethodName(), id.getDisplayName()), hiddenClass.getOrDefault(m.getClassName(), false)));
                }
            }
        }
        out.sort(Comparator.comparingInt((GradedTest t) -> classNames.indexOf(t.className()))
                .thenComparingInt(t -> methodOrder.getOrDefault(t.className() + "#" + t.method(), Integer.MAX_VALUE)));
        // Two test classes of one exercise may share a method name; the class then tells them apart.
        Map<String, Integer> seen = new HashMap<>();
        out.forEach(t -> seen.merge(t.name(), 1, Integer::sum));
        List<GradedTest> named = new ArrayList<>();
        for (GradedTest t : out) {
            String name = seen.get(t.name()) > 1 ? t.name() + " (" + t.className().substring(t.className().lastIndexOf('.') + 1) + ")" : t.name();
            named.add(new GradedTest(t.exercise(), t.uniqueId(), t.className(), t.method(), name, t.hidden()));
        }
        return named;
    }

    /** What the catalogue needs from a class file: its name, its @Exercise value, its methods in declaration order. */
    private static final class ClassInfo {
        String internalName;
        String exercise;
        final List<String> methods = new ArrayList<>();

        static ClassInfo read(byte[] bytes) {
            ClassInfo info = new ClassInfo();
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                    info.internalName = name;
                }

                @Override
                public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                    if (!descriptor.equals("Lbackprop/harness/junit/Exercise;")) {
                        return null;
                    }
                    return new AnnotationVisitor(Opcodes.ASM9) {
                        @Override
                        public void visit(String name, Object value) {
                            if ("value".equals(name)) {
                                info.exercise = String.valueOf(value);
                            }
                        }
                    };
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                    info.methods.add(name);
                    return null;
                }
            }, ClassReader.SKIP_CODE);
            return info;
        }
    }
}
