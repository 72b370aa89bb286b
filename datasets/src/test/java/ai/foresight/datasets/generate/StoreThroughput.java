package ai.foresight.datasets.generate;

import ai.foresight.datasets.store.EpisodeLayout;
import ai.foresight.datasets.store.StoreConfig;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures rendered-and-stored frames per second with the test DotWorld at 64 px, 50 steps per
 * episode (not a unit test). Run with the test classpath:
 * {@code java ai.foresight.datasets.generate.StoreThroughput [episodes] [workers] [level] [NONE|AT_FINISH|EACH_FILE] [distractors]}.
 * Prints wall-clock frames/s and frames per CPU-second of the whole process (robust on a shared machine).
 */
public final class StoreThroughput {
    public static void main(String[] args) throws Exception {
        int episodes = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int level = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        StoreConfig.Durability durability = args.length > 3 ? StoreConfig.Durability.valueOf(args[3])
                : StoreConfig.Durability.AT_FINISH;
        List<String> distractors = args.length > 4 ? List.of(args[4].split(",")) : List.of();
        int steps = 50;
        Path root = Files.createTempDirectory("store-throughput");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try {
            rollOnly(episodes, steps);
            GeneratorConfig cfg = new GeneratorConfig(workers, new StoreConfig(level, durability));
            DatasetGenerator.generate(new GenerateSpec("dot", 40, steps, 64, distractors, 1), root.resolve("warm"), n -> {},
                    cfg, new DotWorlds());
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            DatasetGenerator.generate(new GenerateSpec("dot", episodes, steps, 64, distractors, 2), root.resolve("run"),
                    n -> {}, cfg, new DotWorlds());
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            long bytes;
            try (Stream<Path> f = Files.walk(root.resolve("run"))) {
                bytes = f.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
            long frames = (long) episodes * steps;
            System.out.printf("generate workers=%d level=%d %s distractors=%s: %.0f frames/s wall, %.0f frames per CPU-second, "
                    + "%.0f bytes/frame, load %.1f%n", workers, level, durability, distractors, frames / wall, frames / cpu,
                    bytes / (double) frames, os.getSystemLoadAverage());
        } finally {
            try (Stream<Path> f = Files.walk(root)) {
                f.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void rollOnly(int episodes, int steps) {
        EpisodeRecorder rec = new EpisodeRecorder(new DotWorld(64), new WigglePolicy(),
                new EpisodeLayout(steps, 64, 64, 2, 2, 2, false));
        for (int i = 0; i < 40; i++) {
            rec.record(i);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < episodes; i++) {
            rec.record(i);
        }
        System.out.printf("roll only (render + policy, 1 thread): %.0f frames/s%n",
                episodes * steps / ((System.nanoTime() - t0) / 1e9));
    }
}
