package ai.foresight.experiments.cli;

import ai.foresight.datasets.worlds.Worlds;
import ai.foresight.experiments.bench.GenerateBenchmark;
import ai.foresight.experiments.bench.GenerateBenchmark.WorldThroughput;
import ai.foresight.experiments.job.JobCommand;
import ai.foresight.experiments.job.JobConsole;
import ai.foresight.experiments.job.JobResult;
import ai.foresight.experiments.job.Progress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code foresight bench generate}: frames per second of data generation, per world. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Frames per second of 'foresight generate' per world (rendered and stored), median of runs.")
public final class BenchGenerateCommand extends JobCommand {

    @Option(names = "--worlds", paramLabel = "IDS", split = ",", defaultValue = "wall,wall-random,pointmaze,pusht",
            description = "Worlds to measure, comma-separated (default: ${DEFAULT-VALUE}).")
    private List<String> worlds;

    @Option(names = "--episodes", paramLabel = "N", defaultValue = "20", description = "Episodes per run (default: ${DEFAULT-VALUE}).")
    private int episodes;

    @Option(names = "--steps", paramLabel = "T", defaultValue = "50", description = "Steps per episode (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--size", paramLabel = "PX", defaultValue = "64", description = "Frame side in pixels (default: ${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "3", description = "Timed runs per world; the median is reported (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the first run (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write result.json and config.json here.")
    private Path out;

    @Override
    protected void validate() {
        for (String world : worlds) {
            requireOneOf("--worlds", world, Worlds.ids());
        }
        requireAtLeast("--episodes", episodes, 1);
        requireAtLeast("--steps", steps, 2);
        if (size < 16 || size > 512) {
            throw badFlag("--size", "16..512 pixels", size);
        }
        requireAtLeast("--runs", runs, 1);
    }

    @Override
    protected JobResult run(JobConsole console) throws Exception {
        GenerateBenchmark.Config config = new GenerateBenchmark.Config(worlds, episodes, steps, size, runs, seed);
        List<WorldThroughput> measured = Progress.track(console, "bench generate", worlds.size() * runs, "runs", progress -> {
            int[] done = {0};
            return GenerateBenchmark.run(config, (world, run, seconds) -> {
                console.detail("%s run %d: %.3f s", world, run, seconds);
                progress.accept(++done[0]);
            });
        });
        Map<String, Double> fps = new LinkedHashMap<>();
        Map<String, Double> goals = new LinkedHashMap<>();
        Map<String, Boolean> met = new LinkedHashMap<>();
        console.say("%d episodes x %d steps at %d px, median of %d runs:", episodes, steps, size, runs);
        for (WorldThroughput w : measured) {
            fps.put(w.world(), w.framesPerSecond());
            String verdict = "";
            if (w.goal() != null) {
                goals.put(w.world(), w.goal());
                met.put(w.world(), w.meetsGoal());
                verdict = String.format("  goal %,.0f: %s", w.goal(), w.meetsGoal() ? "met" : "NOT met");
            }
            console.say("  %-12s %,10.0f frames/s%s", w.world(), w.framesPerSecond(), verdict);
        }
        return new JobResult()
                .put("frames_per_second", fps)
                .put("goals", goals)
                .put("goals_met", met)
                .put("episodes", episodes)
                .put("steps", steps)
                .put("size", size)
                .put("runs", runs);
    }

    @Override
    protected Path outputDirectory() {
        return out;
    }
}
