package backprop.grader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One exercise's tests in a JVM of their own: heap cap, wall-clock limit, an empty working
 * folder, a bare environment. The grader reads only the runner's signed lines; when the JVM
 * ends (or is ended), every process it started is ended too, before its results are used.
 */
final class ExerciseJvm {
    /** What the grader observed of one run. */
    static final class Run {
        final Map<String, String[]> tests = new LinkedHashMap<>(); // uniqueId → {status, output, cases, cases passed}
        final Map<String, String> containers = new LinkedHashMap<>();
        final List<String[]> numerical = new ArrayList<>();
        String fatal;
        String running;
        boolean started;
        boolean done;
        boolean timedOut;
        /** Ended at the wall-clock backstop rather than at the CPU limit (code that waits instead of computing). */
        boolean wallClock;
        double cpuSeconds;
        int exitCode;
        double seconds;
        long peakRssKb;
        String stderrTail = "";
        /** Unsigned stdout (the JVM's own messages, such as "Terminating due to java.lang.OutOfMemoryError"): never a result. */
        final StringBuilder stdoutTail = new StringBuilder();
    }

    private static final int STDERR_TAIL = 16 * 1024;
    static final int IDLE_SECONDS = 60;
    /** CPU time that counts as progress over IDLE_SECONDS: a starved JVM still gets this much, a waiting one does not. */
    private static final double PROGRESS_SECONDS = 0.5;
    private static final int MAX_LINE = 4 * 1024 * 1024;

    /**
     * The limit is on the CPU time the JVM uses, so correct code on a busy machine is not cut off for
     * want of a processor. Code that waits instead of computing uses no CPU: it is ended when its
     * CPU time has not grown for {@link #IDLE_SECONDS} on the clock. Ten times the limit on the
     * clock ends anything else.
     */
    static Run run(List<String> command, Path workDir, int timeLimitSeconds) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        byte[] key = Signed.newKey();
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        Map<String, String> env = pb.environment();
        String path = env.getOrDefault("PATH", "/usr/bin:/bin");
        env.clear(); // the grader's environment (tokens, the assignment's settings) is not the exercise's
        env.put("PATH", path);
        env.put("HOME", workDir.toString());
        env.put("OMP_NUM_THREADS", "1");
        env.put("LANG", "C.UTF-8");
        Run run = new Run();
        long start = System.nanoTime();
        Process p = pb.start();
        Set<ProcessHandle> seen = new LinkedHashSet<>();
        try (OutputStream in = p.getOutputStream()) {
            in.write((HexFormat.of().formatHex(key) + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // the JVM died before reading its key; reported below as an early end
        }
        Thread out = new Thread(() -> readSigned(p.getInputStream(), key, run), "grader-stdout");
        StringBuilder err = new StringBuilder();
        Thread errReader = new Thread(() -> tail(p.getErrorStream(), err), "grader-stderr");
        out.setDaemon(true);
        errReader.setDaemon(true);
        out.start();
        errReader.start();
        long deadline = start + TimeUnit.SECONDS.toNanos(10L * timeLimitSeconds);
        long lastProgress = System.nanoTime();
        double cpuAtLastProgress = 0;
        while (p.isAlive()) {
            p.waitFor(200, TimeUnit.MILLISECONDS);
            p.descendants().forEach(seen::add);
            run.peakRssKb = Math.max(run.peakRssKb, peakRssKb(p.pid()));
            run.cpuSeconds = Math.max(run.cpuSeconds, p.toHandle().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(0.0));
            long now = System.nanoTime();
            if (run.cpuSeconds - cpuAtLastProgress >= PROGRESS_SECONDS) {
                cpuAtLastProgress = run.cpuSeconds;
                lastProgress = now;
            }
            boolean idle = now - lastProgress > TimeUnit.SECONDS.toNanos(IDLE_SECONDS);
            if (p.isAlive() && (run.cpuSeconds > timeLimitSeconds || idle || now > deadline)) {
                run.timedOut = true;
                run.wallClock = run.cpuSeconds <= timeLimitSeconds;
                break;
            }
        }
        p.descendants().forEach(seen::add);
        seen.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor();
        seen.forEach(ProcessHandle::destroyForcibly); // anything started between the snapshot and the end
        run.exitCode = p.exitValue();
        // A grandchild holding the pipes open must not hold the grader: read what arrived, then move on.
        out.join(2000);
        errReader.join(2000);
        synchronized (err) {
            run.stderrTail = err.toString();
        }
        run.seconds = (System.nanoTime() - start) / 1e9;
        return run;
    }

    private static void readSigned(InputStream stream, byte[] key, Run run) {
        long seq = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = readLine(r)) != null) {
                List<String> f = Signed.read(key, line, seq);
                if (f == null || f.isEmpty()) {
                    synchronized (run) {
                        run.stdoutTail.append(line, 0, Math.min(line.length(), 1000)).append('\n');
                        if (run.stdoutTail.length() > STDERR_TAIL) {
                            run.stdoutTail.delete(0, run.stdoutTail.length() - STDERR_TAIL);
                        }
                    }
                    continue;
                }
                seq++;
                synchronized (run) {
                    switch (f.get(0)) {
                        case "start" -> run.started = true;
                        case "running" -> run.running = f.get(1);
                        case "test" -> run.tests.put(f.get(1), new String[] {f.get(2), f.get(3), f.get(4), f.get(5)});
                        case "container" -> run.containers.put(f.get(1), f.get(2));
                        case "numerical" -> run.numerical.add(f.subList(1, f.size()).toArray(String[]::new));
                        case "fatal" -> run.fatal = run.fatal == null ? f.get(1) + "\u0000" + f.get(2) : run.fatal;
                        case "done" -> run.done = true;
                        default -> { }
                    }
                }
            }
        } catch (IOException e) {
            // the pipe closed with the process
        }
    }

    /** A line, cut at MAX_LINE characters so an endless line of output cannot fill the grader's memory. */
    private static String readLine(BufferedReader r) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = r.read()) != -1) {
            if (c == '\n') {
                return sb.toString();
            }
            if (sb.length() < MAX_LINE) {
                sb.append((char) c);
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static void tail(InputStream stream, StringBuilder into) {
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = stream.read(buf)) != -1) {
                synchronized (into) {
                    into.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    if (into.length() > 2 * STDERR_TAIL) {
                        into.delete(0, into.length() - STDERR_TAIL);
                    }
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    /** The process's peak resident memory (Linux's VmHWM), 0 where /proc is not there. */
    private static long peakRssKb(long pid) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process just ended
        }
        return 0;
    }
}
