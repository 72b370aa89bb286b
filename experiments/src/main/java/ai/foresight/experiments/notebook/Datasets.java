package ai.foresight.experiments.notebook;

import ai.foresight.datasets.generate.DatasetGenerator;
import ai.foresight.datasets.generate.GenerateSpec;
import ai.foresight.datasets.store.Dataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Offline data, as DINO-WM and RePo learn from it: episodes of a world's data-collection policy (random
 * walks for Wall, noisy waypoints for PointMaze, scripted pushes for PushT), recorded with
 * {@link DatasetGenerator} into {@code notebook-out/data/<world>-<episodes>x<steps>-s<seed>}. Asking
 * for the same data again reuses the folder instead of regenerating it.
 */
public final class Datasets {
    /** Steps per episode unless asked otherwise. */
    public static final int DEFAULT_STEPS = 50;

    private Datasets() {}

    /** {@code episodes} episodes of {@value #DEFAULT_STEPS} steps from seed 0. */
    public static OfflineDataset generate(World world, int episodes) {
        return generate(world, episodes, DEFAULT_STEPS, 0);
    }

    /** The preset's episodes and steps, from its seed. */
    public static OfflineDataset generate(World world, Preset preset) {
        return generate(world, preset.episodes(), preset.steps(), preset.seed());
    }

    /**
     * {@code episodes} episodes of {@code steps} steps of {@code world} (with its distractors, if any;
     * the clean frames are stored alongside).
     */
    public static OfflineDataset generate(World world, int episodes, int steps, long seed) {
        GenerateSpec spec = new GenerateSpec(world.id(), episodes, steps, world.size(), world.distractors(), seed);
        String name = world.id() + (world.distractors().isEmpty() ? "" : "+" + String.join("+", world.distractors()))
                + "-" + world.size() + "px-" + episodes + "x" + steps + "-s" + seed;
        Path dir = NotebookFiles.folder("data").resolve(name);
        long start = System.nanoTime();
        boolean existed = Files.isRegularFile(dir.resolve("dataset.json"));
        try {
            DatasetGenerator.generate(spec, dir, done -> { });
            OfflineDataset data = open(dir);
            if (existed) {
                System.out.printf("reusing %d episodes x %d steps of %s recorded earlier -> %s%n", episodes, steps, world.id(), dir);
            } else {
                System.out.printf(Locale.ROOT, "recorded %d episodes x %d steps of %s in %.1f s -> %s%n", episodes, steps,
                        world.id(), (System.nanoTime() - start) / 1e9, dir);
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException("dataset " + dir + ": could not generate it: " + e.getMessage(), e);
        }
    }

    /** A dataset folder written by {@code foresight generate} or {@link #generate}. */
    public static OfflineDataset open(Path dir) {
        try {
            return new OfflineDataset(Dataset.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("dataset " + dir + ": " + e.getMessage(), e);
        }
    }
}
