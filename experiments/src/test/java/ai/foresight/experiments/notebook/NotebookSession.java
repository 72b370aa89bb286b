package ai.foresight.experiments.notebook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Runs JShell scripts in batch mode through the {@code jdk.jshell} API, the way {@code ./foresight shell}
 * runs them: a separate JVM with the test classpath and the launcher's flags. Every snippet must compile
 * and run; the first that does not fails the test with its source, diagnostics or exception and the
 * output so far. The values JShell would display are kept for inspection.
 */
final class NotebookSession implements AutoCloseable {
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    private final JShell shell;
    private final List<String> values = new ArrayList<>();
    private final List<String> timings = new ArrayList<>();

    /** A session whose pictures go to {@code outDir}, on the {@code tiny} notebook preset. */
    NotebookSession(Path outDir) {
        String classpath = System.getProperty("java.class.path");
        shell = JShell.builder()
                .out(out)
                .err(out)
                .remoteVMOptions("--class-path", classpath, "-Xmx2g", "-Djava.awt.headless=true",
                        "-Dai.djl.offline=true", "-Djshell=true", "-Dai.djl.pytorch.num_interop_threads=1",
                        "-Dai.djl.pytorch.num_threads=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error",
                        "-D" + NotebookFiles.PROPERTY + "=" + outDir.toAbsolutePath(),
                        "-D" + Presets.PROPERTY + "=tiny")
                .compilerOptions("--class-path", classpath)
                .build();
    }

    /** Runs every snippet of {@code script}, in order. */
    void run(Path script) throws IOException {
        String remaining = Files.readString(script);
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            if (!info.completeness().isComplete()) {
                throw new AssertionError(script + ": incomplete snippet at the end: " + remaining.strip());
            }
            long start = System.nanoTime();
            eval(script, info.source());
            double seconds = (System.nanoTime() - start) / 1e9;
            if (seconds >= 1) {
                String first = info.source().lines().map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("//")).findFirst().orElse("");
                timings.add(String.format(java.util.Locale.ROOT, "%6.1f s  %s", seconds, first));
            }
            remaining = info.remaining();
        }
    }

    /** Evaluates one snippet and returns the value JShell would display (null for none). */
    String eval(String source) {
        return eval(null, source);
    }

    private String eval(Path script, String source) {
        String value = null;
        for (SnippetEvent event : shell.eval(source)) {
            if (event.causeSnippet() != null) {
                continue; // an update of an earlier snippet
            }
            if (event.status() == Snippet.Status.REJECTED) {
                StringBuilder why = new StringBuilder();
                shell.diagnostics(event.snippet()).forEach((Diag d) ->
                        why.append("\n  ").append(d.getMessage(java.util.Locale.ROOT)));
                throw failure(script, source, "does not compile:" + why);
            }
            if (event.exception() != null) {
                Throwable e = event.exception();
                String type = e instanceof EvalException ee ? ee.getExceptionClassName() : e.getClass().getName();
                throw failure(script, source, "threw " + type + ": " + e.getMessage());
            }
            if (event.value() != null) {
                value = event.value();
                values.add(value);
            }
        }
        return value;
    }

    private AssertionError failure(Path script, String source, String what) {
        return new AssertionError((script == null ? "" : script.getFileName() + ": ") + "snippet `" + source.strip()
                + "` " + what + "\n--- output so far ---\n" + output());
    }

    /** Snippets that took a second or more, with their time and first line. */
    List<String> slowSnippets() {
        return List.copyOf(timings);
    }

    /** Everything printed so far. */
    String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    /** The values of every expression and declaration evaluated so far, as JShell displays them. */
    List<String> values() {
        return List.copyOf(values);
    }

    @Override
    public void close() {
        shell.close();
    }
}
