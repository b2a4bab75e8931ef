package backprop.harness.watch;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of {@code ./kata watch}: {@code java -cp <the harness: harness/target/classes, or its jar in a course> backprop.harness.watch.Bootstrap
 * target/watch-classpath.txt [project dir]}. Reads the dependency class path Maven wrote and starts
 * {@link WatchMode} in a loader that holds the harness and its libraries: a file instead of a
 * command line, because a class path of 60 jars is too long for Windows' cmd.
 */
public final class Bootstrap {
    private Bootstrap() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: Bootstrap <class path file written by dependency:build-classpath> [project dir]");
            System.exit(2);
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        for (String entry : Files.readString(Path.of(args[0]), StandardCharsets.UTF_8).strip().split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        ClassLoader harness = new URLClassLoader("harness", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(harness);
        Method main = Class.forName(WatchMode.class.getName(), true, harness).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }
}
