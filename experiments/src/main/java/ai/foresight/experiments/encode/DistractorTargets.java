package ai.foresight.experiments.encode;

import ai.foresight.datasets.generate.EpisodeSeeds;
import ai.foresight.datasets.generate.GenerateSpec;
import ai.foresight.datasets.shift.FrameShift;
import ai.foresight.datasets.shift.MovingShapes;
import ai.foresight.datasets.shift.Shifts;
import ai.foresight.datasets.store.DatasetManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ground truth for the moving-shape distractors of a generated dataset: where each shape's centre is in
 * every frame ({@code shape0_x, shape0_y, ...}, fractions of the frame). Nothing about the distractors
 * is stored with the episodes; their paths are a pure function of the dataset's master seed, the
 * episode index and the step ({@link EpisodeSeeds}), so they are recomputed here exactly as the
 * generator drew them. RePo's claim is that its posterior forgets these; a probe that can still read
 * them from a latent measures how much it did not.
 */
public final class DistractorTargets {
    private final MovingShapes shapes;
    private final long masterSeed;
    private final int height;
    private final int width;
    private final List<String> names;
    private int episodeInUse = -1;

    private DistractorTargets(MovingShapes shapes, long masterSeed, int height, int width) {
        this.shapes = shapes;
        this.masterSeed = masterSeed;
        this.height = height;
        this.width = width;
        int count = shapes.count();
        List<String> n = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            n.add("shape" + i + "_x");
            n.add("shape" + i + "_y");
        }
        this.names = List.copyOf(n);
    }

    /**
     * The shape targets of {@code manifest}'s dataset, or empty when it was not generated here or
     * without the {@code shapes} distractor.
     */
    public static Optional<DistractorTargets> of(DatasetManifest manifest) {
        GenerateSpec spec = manifest.generator();
        if (spec == null || !spec.distractors().contains(MovingShapes.ID)) {
            return Optional.empty();
        }
        for (FrameShift s : Shifts.parse(spec.distractors(), EpisodeSeeds.distractors(spec.seed())).shifts()) {
            if (s instanceof MovingShapes shapes) {
                return Optional.of(new DistractorTargets(shapes, spec.seed(), manifest.height(), manifest.width()));
            }
        }
        return Optional.empty();
    }

    /** Target names, two per shape. */
    public List<String> names() {
        return names;
    }

    /** Shape centres in frame {@code t} of episode {@code episode} (its index in the dataset). */
    public double[] row(int episode, int t) {
        if (episode != episodeInUse) {
            shapes.reset(EpisodeSeeds.episode(masterSeed, episode), height, width);
            episodeInUse = episode;
        }
        return shapes.centres(t);
    }
}
