package ai.foresight.datasets.store;

import ai.foresight.datasets.env.EnvSpec;
import ai.foresight.datasets.generate.GenerateSpec;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parsed {@code dataset.json}: what a dataset holds and how to check it.
 *
 * @param schemaVersion layout version of this file ({@link #SCHEMA_VERSION})
 * @param world world id, e.g. {@code wall}
 * @param env the world's spec: frame size, action bounds, state and proprio names, success threshold
 * @param generator the settings and master seed that generated the data; {@code null} for imported data
 * @param seedRule how each episode's seeds derive from the master seed; {@code null} for imported data
 * @param compressionLevel npz compression (0 stored, 1..9 deflate)
 * @param episodes number of episodes
 * @param steps T, frames per episode
 * @param height frame height in pixels
 * @param width frame width in pixels
 * @param fields dtype and per-episode shape of every npz array, in file order
 * @param stats per-dimension mean and std over the dataset of {@code action} and {@code proprio}
 * @param files every episode file in index order, with its SHA-256 and size
 */
public record DatasetManifest(
        int schemaVersion,
        String world,
        EnvSpec env,
        GenerateSpec generator,
        String seedRule,
        int compressionLevel,
        int episodes,
        int steps,
        int height,
        int width,
        Map<String, FieldSpec> fields,
        Map<String, FieldStats> stats,
        List<EpisodeFile> files) {

    /** The version this code writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    public DatasetManifest {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schema_version: expected " + SCHEMA_VERSION + ", got " + schemaVersion);
        }
        if (world == null || world.isBlank()) {
            throw new IllegalArgumentException("world: expected a world id");
        }
        if (env == null) {
            throw new IllegalArgumentException("env: expected the world's spec");
        }
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes: expected at least 1, got " + episodes);
        }
        if (compressionLevel < 0 || compressionLevel > 9) {
            throw new IllegalArgumentException("compression_level: expected 0..9, got " + compressionLevel);
        }
        if (fields == null || stats == null || files == null) {
            throw new IllegalArgumentException("fields, stats, files: expected all three");
        }
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
        files = List.copyOf(files);
        EpisodeLayout layout = EpisodeLayout.fromFields(fields);
        requireEqual("steps", steps, layout.steps());
        requireEqual("height", height, layout.height());
        requireEqual("width", width, layout.width());
        requireEqual("env.frame_height", env.frameHeight(), height);
        requireEqual("env.frame_width", env.frameWidth(), width);
        requireEqual("fields.action (A)", layout.actionDim(), env.actionDim());
        requireEqual("fields.proprio (P)", layout.proprioDim(), env.proprioDim());
        requireEqual("fields.state (S)", layout.stateDim(), env.stateDim());
        requireEqual("files (count)", files.size(), episodes);
        requireStats(stats, EpisodeLayout.ACTION, layout.actionDim());
        requireStats(stats, EpisodeLayout.PROPRIO, layout.proprioDim());
    }

    private static void requireEqual(String field, long actual, long expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(field + ": expected " + expected + ", got " + actual);
        }
    }

    private static void requireStats(Map<String, FieldStats> stats, String field, int dim) {
        FieldStats s = stats.get(field);
        if (s == null) {
            throw new IllegalArgumentException("stats." + field + ": missing");
        }
        requireEqual("stats." + field + " (dimensions)", s.dim(), dim);
    }

    /** The shape every episode has. */
    public EpisodeLayout layout() {
        return EpisodeLayout.fromFields(fields);
    }

    /** Mean and std of the actions per dimension, (A). */
    public FieldStats actionStats() {
        return stats.get(EpisodeLayout.ACTION);
    }

    /** Mean and std of the proprio vectors per dimension, (P). */
    public FieldStats proprioStats() {
        return stats.get(EpisodeLayout.PROPRIO);
    }

    /**
     * Value equality. {@link EnvSpec} is a record over {@code double[]} bounds, whose own equality is
     * by reference, so the world spec is compared component by component here.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof DatasetManifest m && schemaVersion == m.schemaVersion && world.equals(m.world)
                && sameEnv(env, m.env) && Objects.equals(generator, m.generator) && Objects.equals(seedRule, m.seedRule)
                && compressionLevel == m.compressionLevel && episodes == m.episodes && steps == m.steps
                && height == m.height && width == m.width && fields.equals(m.fields) && stats.equals(m.stats)
                && files.equals(m.files);
    }

    @Override
    public int hashCode() {
        return Objects.hash(world, generator, episodes, steps, height, width, fields, files);
    }

    /** Whether two world specs agree in every component, bounds compared by value. */
    public static boolean sameEnv(EnvSpec a, EnvSpec b) {
        return a.name().equals(b.name()) && a.frameHeight() == b.frameHeight() && a.frameWidth() == b.frameWidth()
                && Arrays.equals(a.actionLow(), b.actionLow()) && Arrays.equals(a.actionHigh(), b.actionHigh())
                && a.stateNames().equals(b.stateNames()) && a.proprioNames().equals(b.proprioNames())
                && Double.compare(a.successThreshold(), b.successThreshold()) == 0;
    }

    /** Total frames, episodes x steps. */
    public long frames() {
        return (long) episodes * steps;
    }
}
