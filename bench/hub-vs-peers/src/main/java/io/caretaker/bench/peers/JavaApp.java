package io.caretaker.bench.peers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java application the benchmark starts as a separate process, as an operator would ({@code java -jar}): its
 * output is kept in a log file and watched line by line, each line stamped when it arrived, so start-up can be
 * timed from the launch; its heap is read with {@code jcmd}.
 */
final class JavaApp implements AutoCloseable {

    /** One line of the application's output and when the benchmark read it (System.nanoTime). */
    record Line(String text, long arrivedNanos) {
    }

    private final String name;
    private final Process process;
    private final long launchedNanos;
    private final Path log;
    private final List<Line> lines = new ArrayList<>();

    private JavaApp(String name, Process process, long launchedNanos, Path log) {
        this.name = name;
        this.process = process;
        this.launchedNanos = launchedNanos;
        this.log = log;
    }

    /**
     * Launches {@code java <jvmOptions> -jar <jar> <args>} in {@code workDir}, output to {@code <workDir>/<name>.log}.
     */
    static JavaApp launch(String name, Path jar, List<String> jvmOptions, List<String> args, Map<String, String> env,
                          Path workDir) throws IOException {
        Files.createDirectories(workDir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Path log = workDir.resolve(name + ".log");
        long launched = System.nanoTime();
        JavaApp app = new JavaApp(name, builder.start(), launched, log);
        Thread reader = new Thread(app::read, name + "-output");
        reader.setDaemon(true);
        reader.start();
        return app;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String text;
            while ((text = in.readLine()) != null) {
                long at = System.nanoTime();
                out.println(text);
                synchronized (lines) {
                    lines.add(new Line(text, at));
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process has gone; waiters see it exited
        }
    }

    long launchedNanos() {
        return launchedNanos;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** The first line matching {@code pattern}, waiting for it; fails with the log's end if the process dies first. */
    Matcher awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
        Line line = awaitLineAt(pattern, timeout);
        Matcher m = pattern.matcher(line.text());
        if (!m.find()) {
            throw new IllegalStateException("unreachable");
        }
        return m;
    }

    /** The first line matching {@code pattern} and when it arrived. */
    Line awaitLineAt(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int from = 0;
        synchronized (lines) {
            while (true) {
                for (; from < lines.size(); from++) {
                    if (pattern.matcher(lines.get(from).text()).find()) {
                        return lines.get(from);
                    }
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + " before printing /"
                            + pattern + "/; see " + log + "\n" + tail(30));
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException(name + " printed no line matching /" + pattern + "/ within " + timeout
                            + "; see " + log + "\n" + tail(30));
                }
                lines.wait(Math.min(200, Math.max(1, TimeUnit.NANOSECONDS.toMillis(left))));
            }
        }
    }

    /** Lines printed so far that match {@code pattern}. */
    List<Line> linesMatching(Pattern pattern) {
        synchronized (lines) {
            return lines.stream().filter(l -> pattern.matcher(l.text()).find()).toList();
        }
    }

    String tail(int n) {
        synchronized (lines) {
            return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()).stream().map(Line::text).toList());
        }
    }

    /**
     * Bytes of live objects on the heap: {@code jcmd GC.class_histogram} runs a full collection first and then
     * totals what survived, whichever collector the JVM uses.
     */
    long heapAfterGc() throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid()), "GC.class_histogram").redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid() + " GC.class_histogram failed: " + out);
        }
        return histogramTotalBytes(out);
    }

    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)\\s*$");

    /** The bytes column of the histogram's Total line. */
    static long histogramTotalBytes(String histogram) {
        Matcher m = TOTAL.matcher(histogram);
        if (!m.find()) {
            throw new IllegalArgumentException("no Total line in the class histogram: "
                    + histogram.substring(Math.max(0, histogram.length() - 300)));
        }
        return Long.parseLong(m.group(2));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the application as an operator would (SIGTERM), forcibly if it has not gone within 30 s. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
