package ai.foresight.experiments.cli;

import ai.foresight.experiments.bench.MatmulBenchmark;
import ai.foresight.experiments.doctor.ComponentCheck;
import ai.foresight.experiments.doctor.RuntimeProbe;
import ai.foresight.experiments.job.JobCommand;
import ai.foresight.experiments.job.JobConsole;
import ai.foresight.experiments.job.JobResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code foresight doctor}: is this machine ready? Loads each native engine, reports versions and
 * thread settings, and measures fp32 matmul throughput. Exits 1 (after reporting) if any native
 * failed to load.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check Java, DJL/libtorch, ND4J and OpenCV, and measure fp32 matmul GFLOP/s.")
public final class DoctorCommand extends JobCommand {

    @Option(names = "--matmul-size", paramLabel = "N", defaultValue = "1024",
            description = "Side of the square matrices timed (default: ${DEFAULT-VALUE}).")
    private int matmulSize;

    @Option(names = "--reps", paramLabel = "R", defaultValue = "5",
            description = "Timed repetitions; the median is reported (default: ${DEFAULT-VALUE}).")
    private int reps;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write result.json and config.json here.")
    private Path out;

    @Override
    protected void validate() {
        requireAtLeast("--matmul-size", matmulSize, 1);
        if (matmulSize > 16_384) {
            throw badFlag("--matmul-size", "at most 16384", matmulSize);
        }
        requireAtLeast("--reps", reps, 1);
    }

    @Override
    protected JobResult run(JobConsole console) {
        JobResult result = new JobResult();
        List<String> failures = new ArrayList<>();
        boolean djlLoaded = false;
        for (ComponentCheck check : RuntimeProbe.all()) {
            check.facts().forEach(result::put);
            String facts = check.facts().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
            if (check.loaded()) {
                console.say("%-8s ok      %s", check.component(), facts);
            } else {
                console.say("%-8s FAILED  %s %s", check.component(), check.error(), facts);
                failures.add(check.component() + ": " + check.error());
            }
            djlLoaded |= check.component().equals("djl") && check.loaded();
        }
        if (djlLoaded) {
            MatmulBenchmark.Result matmul = MatmulBenchmark.measure(new MatmulBenchmark.Config(matmulSize, reps, 2));
            console.say("%-8s ok      fp32 %dx%d in %.2f ms (median of %d): %.1f GFLOP/s", "matmul",
                    matmul.size(), matmul.size(), matmul.medianSeconds() * 1e3, reps, matmul.gflops());
            result.put("matmul_n", matmul.size())
                    .put("matmul_seconds_median", matmul.medianSeconds())
                    .put("matmul_gflops", matmul.gflops());
        } else {
            console.say("%-8s skipped (DJL did not load)", "matmul");
            failures.add("matmul: skipped because DJL did not load");
        }
        return result.put("ok", failures.isEmpty()).put("failures", failures).exitCode(failures.isEmpty() ? 0 : 1);
    }

    @Override
    protected Path outputDirectory() {
        return out;
    }
}
