package ai.foresight.datasets.generate;

import ai.foresight.datasets.store.DatasetManifest;

/**
 * The partial-progress marker ({@code generate-progress.json}) that a generation writes before its
 * first episode and deletes after {@code dataset.json}: it says which spec the episode files in the
 * directory belong to, so a rerun resumes only into a run of the same spec.
 *
 * @param schemaVersion store schema version
 * @param generator what is being generated
 * @param compressionLevel npz compression, which changes the files' bytes
 * @param seedRule how episode seeds derive from the master seed
 */
public record GenerationMarker(int schemaVersion, GenerateSpec generator, int compressionLevel, String seedRule) {
    /** The marker's file name. */
    public static final String FILE = "generate-progress.json";

    static GenerationMarker of(GenerateSpec spec, int compressionLevel) {
        return new GenerationMarker(DatasetManifest.SCHEMA_VERSION, spec, compressionLevel, EpisodeSeeds.RULE);
    }

    /** The differences from {@code other}, e.g. {@code "episodes 10 vs 20"}; empty if they agree. */
    String differences(GenerationMarker other) {
        StringBuilder s = new StringBuilder();
        GenerateSpec a = generator;
        GenerateSpec b = other.generator;
        diff(s, "schema_version", schemaVersion, other.schemaVersion);
        diff(s, "world", a.world(), b.world());
        diff(s, "episodes", a.episodes(), b.episodes());
        diff(s, "steps", a.steps(), b.steps());
        diff(s, "size", a.size(), b.size());
        diff(s, "distractors", a.distractors(), b.distractors());
        diff(s, "seed", a.seed(), b.seed());
        diff(s, "compression_level", compressionLevel, other.compressionLevel);
        diff(s, "seed_rule", seedRule, other.seedRule);
        return s.toString();
    }

    private static void diff(StringBuilder s, String name, Object a, Object b) {
        if (!java.util.Objects.equals(a, b)) {
            s.append(s.length() == 0 ? "" : ", ").append(name).append(' ').append(a).append(" vs ").append(b);
        }
    }
}
