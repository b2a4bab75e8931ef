package backprop.harness.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the learner's classes and the kata's tests (package {@code kata}) from one compilation's
 * output, never from the parent, so each run sees the code as last saved, and its tests link to
 * it. Everything else (harness, ND4J, JUnit) comes from the parent and keeps its warm state.
 * Every class it defines carries {@link LoopChecks}, so that a run it loaded can be stopped.
 */
final class GenerationLoader extends ClassLoader {
    private final Path classes;
    private volatile boolean stopped;

    GenerationLoader(Path classes, ClassLoader parent) {
        super("kata-generation", parent);
        this.classes = classes;
    }

    /** From now on, the code this loader defined throws {@link RunStop.Stopped} at its next method call or loop iteration. */
    void stop() {
        stopped = true;
    }

    boolean stopped() {
        return stopped;
    }

    static boolean isKata(String className) {
        return className.startsWith("kata.");
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!isKata(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = findClass(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        Path file = classes.resolve(name.replace('.', '/') + ".class");
        if (!Files.isRegularFile(file)) {
            throw new ClassNotFoundException(name);
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            try {
                bytes = LoopChecks.instrument(bytes);
            } catch (RuntimeException e) {
                // A method the checks would push over the JVM's 64 KB limit: run the class as compiled, unstoppable.
            }
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
