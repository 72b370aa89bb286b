package ai.foresight.experiments.bench;

import ai.foresight.datasets.generate.DatasetGenerator;
import ai.foresight.datasets.generate.GenerateSpec;
import ai.foresight.datasets.store.DatasetManifest;
import ai.foresight.datasets.worlds.Worlds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Data-generation throughput per world: frames per second from simulator step through render to
 * the episode files on disk, exactly what {@code foresight generate} does. Each world gets one
 * untimed warm-up episode (JIT, native loading), then {@code runs} timed runs into a temporary
 * directory that is deleted afterwards; the median run is reported.
 */
public final class GenerateBenchmark {
    /** Throughput goals in frames per second at 64 px, where the project has set one. */
    public static final Map<String, Double> GOALS = Map.of("wall", 5_000.0, "pusht", 1_000.0);

    /**
     * @param worlds world ids to measure
     * @param episodes episodes per timed run
     * @param steps steps per episode
     * @param size frame side in pixels
     * @param runs timed runs per world (median reported)
     * @param seed seed of the first run (run r uses seed + r)
     */
    public record Config(List<String> worlds, int episodes, int steps, int size, int runs, long seed) {
        public Config {
            worlds = List.copyOf(worlds);
            if (worlds.isEmpty()) {
                throw new IllegalArgumentException("worlds: expected at least one world id");
            }
            for (String world : worlds) {
                if (!Worlds.ids().contains(world)) {
                    throw new IllegalArgumentException("worlds: expected ids from " + Worlds.ids() + ", got '" + world + "'");
                }
            }
            if (episodes < 1 || steps < 2 || runs < 1) {
                throw new IllegalArgumentException("episodes/steps/runs: expected at least 1/2/1, got "
                        + episodes + "/" + steps + "/" + runs);
            }
        }

        /** Every world, 20 episodes of 50 steps at 64 px, median of 3 runs. */
        public static Config defaults() {
            return new Config(Worlds.ids(), 20, 50, 64, 3, 0);
        }

        /** Wall only, 2 episodes of 10 steps, one run: for tests. */
        public static Config tiny() {
            return new Config(List.of("wall"), 2, 10, 64, 1, 0);
        }
    }

    /** One world's measurement: frames per run, seconds of each run, and the median throughput. */
    public record WorldThroughput(String world, long frames, double[] seconds, double medianSeconds, double framesPerSecond) {
        /** The project's goal for this world, or null where none is set. */
        public Double goal() {
            return GOALS.get(world);
        }

        /** Whether a goal is set and met. */
        public boolean meetsGoal() {
            return goal() != null && framesPerSecond >= goal();
        }
    }

    /** Told after each timed run. */
    @FunctionalInterface
    public interface Listener {
        void runFinished(String world, int run, double seconds);
    }

    private GenerateBenchmark() {}

    public static List<WorldThroughput> run(Config config, Listener listener) throws IOException {
        List<WorldThroughput> results = new ArrayList<>();
        Path scratch = Files.createTempDirectory("foresight-bench-");
        try {
            for (String world : config.worlds()) {
                generate(new GenerateSpec(world, 1, config.steps(), config.size(), List.of(), config.seed()),
                        scratch.resolve(world + "-warmup"));
                double[] seconds = new double[config.runs()];
                long frames = 0;
                for (int r = 0; r < config.runs(); r++) {
                    GenerateSpec spec = new GenerateSpec(world, config.episodes(), config.steps(), config.size(),
                            List.of(), config.seed() + r);
                    long start = System.nanoTime();
                    DatasetManifest manifest = generate(spec, scratch.resolve(world + "-run" + r));
                    seconds[r] = (System.nanoTime() - start) / 1e9;
                    frames = (long) manifest.episodes() * manifest.steps();
                    listener.runFinished(world, r, seconds[r]);
                }
                double median = Timings.median(seconds);
                results.add(new WorldThroughput(world, frames, seconds, median, frames / median));
            }
        } finally {
            deleteRecursively(scratch);
        }
        return results;
    }

    private static DatasetManifest generate(GenerateSpec spec, Path out) throws IOException {
        try {
            return DatasetGenerator.generate(spec, out, done -> {});
        } finally {
            deleteRecursively(out);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
