package backprop.harness.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.objectweb.asm.ClassReader;

/**
 * Which exercises run another's code, read from the compiled classes: exercise D uses E when a
 * class of D (the learner's or a test) refers to a class the learner wrote for E, or to one that
 * such a class uses in turn. Measured on the kata: 05–09 use 04's TwoLayerNetwork (05 and 09 in
 * their tests, 06–08 in the learner's code as well), 10 uses 09's DeepNetwork. A test of 09 that
 * calls 04 does not make 10 a user of 04: 10 runs 09's code, not 09's tests.
 */
final class Dependents {
    private final Map<String, Set<String>> users = new LinkedHashMap<>();

    private Dependents() {
    }

    /**
     * @param packages each exercise's packages (folders such as kata/twolayer), in exercise order
     * @param learner  whether a class (kata.twolayer.TwoLayerNetwork) is one the learner wrote
     */
    static Dependents read(Path classes, Map<String, List<Path>> packages, Predicate<String> learner) {
        Map<String, String> exerciseOfPackage = new LinkedHashMap<>();
        packages.forEach((e, ps) -> ps.forEach(p -> exerciseOfPackage.put(p.toString().replace('\\', '/'), e)));
        Map<String, Set<String>> usesAny = new LinkedHashMap<>(); // D → exercises whose learner classes any class of D names
        Map<String, Set<String>> learnerUses = new LinkedHashMap<>(); // the same, from D's learner classes only
        for (Map.Entry<String, String> pkg : exerciseOfPackage.entrySet()) {
            String exercise = pkg.getValue();
            for (Path file : classFiles(classes.resolve(pkg.getKey()))) {
                String name = pkg.getKey().replace('/', '.') + "." + file.getFileName().toString().replaceFirst("\\.class$", "");
                for (String ref : references(file)) {
                    int slash = ref.lastIndexOf('/');
                    String other = slash < 0 ? null : exerciseOfPackage.get(ref.substring(0, slash));
                    if (other == null || other.equals(exercise) || !learner.test(ref.replace('/', '.'))) {
                        continue;
                    }
                    usesAny.computeIfAbsent(exercise, k -> new TreeSet<>()).add(other);
                    if (learner.test(name)) {
                        learnerUses.computeIfAbsent(exercise, k -> new TreeSet<>()).add(other);
                    }
                }
            }
        }
        Dependents d = new Dependents();
        for (String user : packages.keySet()) {
            Set<String> reached = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>(usesAny.getOrDefault(user, Set.of()));
            while (!todo.isEmpty()) {
                String e = todo.pop();
                if (!e.equals(user) && reached.add(e)) {
                    todo.addAll(learnerUses.getOrDefault(e, Set.of()));
                }
            }
            reached.forEach(e -> d.users.computeIfAbsent(e, k -> new TreeSet<>()).add(user));
        }
        return d;
    }

    /** The exercises that run {@code exercise}'s code, in folder order. */
    Set<String> of(String exercise) {
        return users.getOrDefault(exercise, Set.of());
    }

    private static List<Path> classFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Internal names of the classes a class file names: its class constants and the types in its member descriptors. */
    private static Set<String> references(Path file) {
        ClassReader r;
        try {
            r = new ClassReader(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> out = new HashSet<>();
        char[] buf = new char[r.getMaxStringLength()];
        for (int i = 1; i < r.getItemCount(); i++) {
            int at = r.getItem(i);
            if (at == 0) {
                continue; // the second slot of a long or double
            }
            switch (r.readByte(at - 1)) {
                case 7 -> addType(out, r.readUTF8(at, buf)); // CONSTANT_Class
                case 12 -> addTypes(out, r.readUTF8(at + 2, buf)); // CONSTANT_NameAndType: its descriptor
                case 16 -> addTypes(out, r.readUTF8(at, buf)); // CONSTANT_MethodType
                default -> { }
            }
        }
        return out;
    }

    private static void addType(Set<String> out, String internalName) {
        if (internalName.startsWith("[")) {
            addTypes(out, internalName);
        } else {
            out.add(internalName);
        }
    }

    /** Every Lname; in a descriptor. */
    private static void addTypes(Set<String> out, String descriptor) {
        for (int i = descriptor.indexOf('L'); i >= 0; i = descriptor.indexOf('L', i + 1)) {
            int end = descriptor.indexOf(';', i);
            if (end < 0) {
                return;
            }
            out.add(descriptor.substring(i + 1, end));
            i = end;
        }
    }
}
