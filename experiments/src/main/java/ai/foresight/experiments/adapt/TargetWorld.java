package ai.foresight.experiments.adapt;

import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.generate.EpisodeSeeds;
import ai.foresight.datasets.generate.GenerateSpec;
import ai.foresight.datasets.shift.DistractedEnv;
import ai.foresight.datasets.shift.Shifts;
import ai.foresight.datasets.worlds.Worlds;

/**
 * The world a target dataset was recorded in: the model's world seen through the dataset's distractors and
 * shifts, seeded exactly as the generator seeded them ({@link EpisodeSeeds#distractors}), so a colour or
 * lighting shift (fixed per seed) is the same domain; per-episode distractors are drawn anew per reset.
 */
public final class TargetWorld {
    private TargetWorld() {}

    /** The shifted world, or the plain world when the dataset was recorded without distractors. */
    public static Env create(GenerateSpec target) {
        Env world = Worlds.create(target.world(), target.size());
        if (target.distractors().isEmpty()) {
            return world;
        }
        return new DistractedEnv(world, Shifts.parse(target.distractors(), EpisodeSeeds.distractors(target.seed())));
    }
}
