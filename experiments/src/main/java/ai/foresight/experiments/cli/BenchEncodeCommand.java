package ai.foresight.experiments.cli;

import ai.foresight.encoders.PatchEncoder;
import ai.foresight.encoders.bench.BenchmarkResult;
import ai.foresight.encoders.bench.EncodeBenchmark;
import ai.foresight.encoders.catalog.Encoders;
import ai.foresight.experiments.job.JobCommand;
import ai.foresight.experiments.job.JobConsole;
import ai.foresight.experiments.job.JobResult;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code foresight bench encode}: frames per second of a frozen encoder at a batch size, and the
 * GFLOP/s that implies as a fraction of a fp32 matmul timed in the same run, so a number measured on a
 * busy machine still says how close the encoder runs to what the machine can do.
 */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = "Encoder throughput (frames/s) and GFLOP/s as a fraction of a same-run matmul.")
public final class BenchEncodeCommand extends JobCommand {
    /** Frames per second the default encoder should reach at 64 px, batch 64, on 2 cores. */
    static final double GOAL_FRAMES_PER_SECOND = 1000;

    @Option(names = "--encoder", paramLabel = "NAME", defaultValue = "default",
            description = "default, random-tiny, random-default, a folder or a .pt file (default: ${DEFAULT-VALUE}).")
    private String encoder;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "64", description = "Frames per forward pass (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "3", description = "Untimed passes first (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "9", description = "Timed passes; the median is reported (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write result.json and config.json here.")
    private Path out;

    @Override
    protected void validate() {
        requireAtLeast("--batch", batch, 1);
        requireAtLeast("--warmup", warmup, 0);
        requireAtLeast("--runs", runs, 1);
    }

    @Override
    protected JobResult run(JobConsole console) throws Exception {
        try (PatchEncoder enc = Encoders.load(encoder)) {
            BenchmarkResult r = EncodeBenchmark.run(enc, batch, warmup, runs);
            int cores = Runtime.getRuntime().availableProcessors();
            console.say("%s (%s, %dx%d px -> %d tokens x %d), batch %d on %d cores, median of %d:", encoder, enc.id(),
                    enc.inputHeight(), enc.inputWidth(), enc.tokens(), enc.dim(), batch, cores, runs);
            console.say("  %,.0f frames/s (%.2f ms per batch)%s", r.framesPerSecond(), r.secondsPerBatch() * 1e3,
                    batch == 64 ? String.format("  goal %,.0f: %s", GOAL_FRAMES_PER_SECOND,
                            r.framesPerSecond() >= GOAL_FRAMES_PER_SECOND ? "met" : "NOT met") : "");
            console.say("  %.1f GFLOP/s (%.4f GFLOP/frame) = %.0f%% of a %dx%d fp32 matmul at %.1f GFLOP/s", r.achievedGflops(),
                    r.gflopsPerFrame(), 100 * r.efficiency(), r.matmulSize(), r.matmulSize(), r.matmulGflops());
            return new JobResult()
                    .put("encoder", encoder)
                    .put("encoder_id", r.encoderId())
                    .put("batch", batch)
                    .put("cores", cores)
                    .put("frames_per_second", r.framesPerSecond())
                    .put("seconds_per_batch", r.secondsPerBatch())
                    .put("gflops_per_frame", r.gflopsPerFrame())
                    .put("achieved_gflops", r.achievedGflops())
                    .put("matmul_gflops", r.matmulGflops())
                    .put("matmul_fraction", r.efficiency())
                    .put("goal_frames_per_second", GOAL_FRAMES_PER_SECOND)
                    .put("goal_met", r.framesPerSecond() >= GOAL_FRAMES_PER_SECOND);
        }
    }

    @Override
    protected Path outputDirectory() {
        return out;
    }
}
