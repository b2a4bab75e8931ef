package backprop.harness.sandbox;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What learner code may use, as an allow-list over bytecode references (owner classes in JVM
 * internal form, e.g. {@code java/lang/System}). Learner code does arithmetic on arrays; anything
 * that could reach the grader's settings, the file system, other processes, the reference
 * gradients or the JVM's own state is outside the kata and scores 0 when graded.
 */
public final class ApiRules {
    private ApiRules() {
    }

    /** java.lang classes with nothing in them that reaches outside the computation. */
    private static final Set<String> JAVA_LANG = Set.of(
            "Object", "String", "StringBuilder", "StringBuffer", "Math", "StrictMath", "Number",
            "Integer", "Long", "Double", "Float", "Short", "Byte", "Character", "Boolean", "Void",
            "Iterable", "Comparable", "CharSequence", "Appendable", "AutoCloseable", "Cloneable", "Runnable",
            "Enum", "Record", "Override", "Deprecated", "SuppressWarnings", "FunctionalInterface", "SafeVarargs",
            "Throwable");

    /** The console, and nothing else of java.lang.System. */
    private static final Set<String> SYSTEM_ALLOWED = Set.of(
            "out", "err", "arraycopy", "nanoTime", "currentTimeMillis", "lineSeparator", "identityHashCode");

    /** Nd4j's array factories and array math; its IO, executioner, backend and global settings are not. */
    private static final List<String> ND4J_FACTORY_PREFIXES = List.of(
            "create", "zeros", "ones", "rand", "randn", "linspace", "arange", "eye", "valueArrayOf", "scalar",
            "empty", "concat", "hstack", "vstack", "stack", "pile", "tile", "repeat", "diag", "sort", "argMax",
            "max", "min", "mean", "sum", "std", "var", "norm1", "norm2", "prod", "cumsum", "gemm", "matmul",
            "expandDims", "squeeze", "where", "toFlattened", "zerosLike", "onesLike", "emptyLike", "reverse",
            "pullRows", "append", "prepend", "dataType", "defaultFloatingPointType", "exp", "log", "abs",
            "square", "sqrt", "isMax", "shape", "rollAxis", "accumulate", "averageAndPropagate", "specialConcat");

    /** java.util classes that start threads, load classes or touch files. */
    private static final List<String> JAVA_UTIL_DENIED = List.of(
            "java/util/concurrent/", "java/util/Timer", "java/util/ServiceLoader", "java/util/ResourceBundle",
            "java/util/Formatter", "java/util/prefs/", "java/util/jar/", "java/util/zip/", "java/util/logging/",
            "java/util/spi/", "java/util/random/RandomGeneratorFactory");

    /**
     * Why a reference to {@code member} of {@code owner} is forbidden, or null when it is allowed.
     * {@code member} is null for a reference to the class alone (a type, a cast, a class literal).
     */
    public static String whyForbidden(String owner, String member, boolean constructor, Predicate<String> isOwn) {
        String type = elementType(owner);
        if (type == null) {
            return null; // a primitive array: clone() and length are arithmetic
        }
        if (isOwn.test(type)) {
            return null;
        }
        if (type.startsWith("kata/")) {
            return "it is not one of your exercises' classes (the kata's tests and their helpers are not yours to call)";
        }
        if (type.startsWith("backprop/harness/api/")) {
            return null;
        }
        if (type.startsWith("backprop/harness/reference/")) {
            return "the harness's reference gradients would do the work the exercise asks of you";
        }
        if (type.startsWith("backprop/")) {
            return "only the harness's learner-facing types (backprop.harness.api: Activation, Loss, Tensors, Shapes, NetSpec) are yours to use";
        }
        if (type.startsWith("org/nd4j/autodiff/")) {
            return "ND4J's autodiff (SameDiff) would compute the gradients for you";
        }
        if (type.equals("org/nd4j/linalg/api/ndarray/INDArray")) {
            if (member != null && (member.startsWith("leverage") || member.equals("close")
                    || member.startsWith("migrate") || member.equals("setData"))) {
                return "INDArray." + member + " reaches ND4J's memory management, not array math";
            }
            return null;
        }
        if (type.equals("org/nd4j/linalg/api/buffer/DataBuffer")) {
            // x.data().asDouble(): reading an array's values out is arithmetic; writing through pointers is not
            if (member != null && (member.startsWith("as") || member.startsWith("get") || member.equals("length") || member.equals("dataType"))
                    && !member.startsWith("getAddress") && !member.startsWith("getPointer") && !member.equals("asNio")) {
                return null;
            }
            return "of an array's DataBuffer only reading values (asDouble, getDouble, length) is allowed";
        }
        if (type.equals("org/nd4j/linalg/factory/Nd4j")) {
            if (member != null && member.matches("(?i).*(npy|numpy|file|txt|binary|pointer|stream|buffer).*")) {
                return "Nd4j." + member + " reads or writes files or raw memory, not array math";
            }
            if (member == null || ND4J_FACTORY_PREFIXES.stream().anyMatch(member::startsWith)) {
                return null;
            }
            return "of Nd4j only the array factories and array math are allowed, not its files, executioner, backend or global settings";
        }
        if (type.equals("org/nd4j/linalg/ops/transforms/Transforms") || type.startsWith("org/nd4j/linalg/indexing/")
                || type.equals("org/nd4j/linalg/api/buffer/DataType")) {
            return null;
        }
        if (type.startsWith("org/nd4j/")) {
            return "of ND4J only INDArray, the Nd4j factories, Transforms, NDArrayIndex and DataType are allowed";
        }
        if (type.equals("java/lang/System")) {
            return member == null || SYSTEM_ALLOWED.contains(member) ? null : systemReason(member);
        }
        if ((type.equals("java/lang/Integer") && "getInteger".equals(member)) || (type.equals("java/lang/Long") && "getLong".equals(member))
                || (type.equals("java/lang/Boolean") && "getBoolean".equals(member))) {
            return "it reads system properties, which hold the grader's settings";
        }
        if (type.equals("java/lang/Throwable") && member != null && (member.equals("getStackTrace") || member.equals("setStackTrace"))) {
            return "stack inspection: code must compute the same thing whoever calls it";
        }
        if (type.equals("java/lang/Class") && "desiredAssertionStatus".equals(member)) {
            return null; // what the compiler emits for an assert statement
        }
        if (type.equals("java/io/PrintStream") && !constructor) {
            return null; // System.out.println and friends
        }
        if (type.equals("java/io/Serializable")) {
            return null;
        }
        if (type.startsWith("java/lang/") && type.indexOf('/', "java/lang/".length()) < 0) {
            String simple = type.substring("java/lang/".length());
            String outer = simple.contains("$") ? simple.substring(0, simple.indexOf('$')) : simple;
            if (outer.equals("StackWalker")) {
                return "stack inspection: code must compute the same thing whoever calls it";
            }
            if (outer.startsWith("Thread")) {
                return "threads outlive the test that started them";
            }
            if (outer.equals("Runtime")) {
                return runtimeReason(member);
            }
            if (outer.startsWith("Process")) {
                return "it starts or controls other processes";
            }
            if (outer.equals("Class") || outer.equals("ClassLoader") || outer.equals("Module") || outer.equals("ModuleLayer")
                    || outer.equals("Package") || outer.equals("ClassValue")) {
                return "reflection and class loading reach code outside your exercise";
            }
            if (JAVA_LANG.contains(outer) || (outer.endsWith("Exception") || outer.endsWith("Error"))) {
                return null;
            }
            return "java.lang." + simple.replace('$', '.') + " is not on the kata's list of allowed APIs";
        }
        if (type.startsWith("java/lang/reflect/") || type.startsWith("java/lang/invoke/")) {
            return "reflection reaches code and data outside your exercise";
        }
        if (type.startsWith("java/io/") || type.startsWith("java/nio/")) {
            return "it reads or writes files (only System.out and System.err are allowed)";
        }
        if (type.startsWith("java/net/")) {
            return "it reaches the network";
        }
        if (type.startsWith("javax/tools/") || type.startsWith("javax/script/")) {
            return "it compiles or runs other code at run time";
        }
        if (type.startsWith("java/util/")) {
            for (String d : JAVA_UTIL_DENIED) {
                if (type.startsWith(d)) {
                    return d.contains("concurrent") || d.contains("Timer") ? "threads outlive the test that started them"
                            : "java.util." + type.substring("java/util/".length()).replace('/', '.').replace('$', '.')
                                    + " reaches files, threads or class loading";
                }
            }
            if (member != null && (member.equals("parallel") || member.equals("parallelStream"))) {
                return "parallel streams run on other threads";
            }
            return null;
        }
        if (type.startsWith("java/math/")) {
            return null;
        }
        if (type.startsWith("sun/") || type.startsWith("jdk/") || type.startsWith("com/sun/")) {
            return "JDK internals reach everything in the JVM";
        }
        return type.replace('/', '.').replace('$', '.') + " is not on the kata's list of allowed APIs";
    }

    /** Bootstrap methods the Java compiler emits for lambdas, string concatenation and records. */
    public static String whyForbiddenBootstrap(String owner, String name) {
        if (owner.equals("java/lang/invoke/LambdaMetafactory") || owner.equals("java/lang/invoke/StringConcatFactory")
                || owner.equals("java/lang/runtime/ObjectMethods") || owner.equals("java/lang/runtime/SwitchBootstraps")) {
            return null;
        }
        return "dynamic invocation through " + owner.replace('/', '.') + "." + name + " is not what the compiler emits for ordinary code";
    }

    private static String systemReason(String member) {
        switch (member) {
            case "exit":
                return "it ends the JVM, and with it the tests";
            case "setProperty": case "getProperty": case "getProperties": case "setProperties": case "clearProperty":
                return "system properties hold the grader's settings (tries, seeds)";
            case "getenv":
                return "the environment is the grader's, not your exercise's";
            case "setOut": case "setErr": case "setIn": case "in":
                return "the console streams belong to the test runner";
            case "load": case "loadLibrary": case "mapLibraryName":
                return "native code is outside the kata";
            default:
                return "of java.lang.System only out, err, arraycopy, nanoTime, currentTimeMillis, lineSeparator and identityHashCode are allowed";
        }
    }

    private static String runtimeReason(String member) {
        if ("halt".equals(member) || "exit".equals(member)) {
            return "it ends the JVM, and with it the tests";
        }
        if ("addShutdownHook".equals(member) || "removeShutdownHook".equals(member)) {
            return "a shutdown hook runs after the tests, where it could rewrite their results";
        }
        if ("exec".equals(member)) {
            return "it starts other processes";
        }
        return "java.lang.Runtime controls the JVM itself";
    }

    /** The class an owner names, with array brackets taken off; null for primitive arrays. */
    static String elementType(String owner) {
        if (!owner.startsWith("[")) {
            return owner;
        }
        String t = owner.replaceFirst("^\\[+", "");
        if (t.startsWith("L") && t.endsWith(";")) {
            return t.substring(1, t.length() - 1);
        }
        return null;
    }
}
