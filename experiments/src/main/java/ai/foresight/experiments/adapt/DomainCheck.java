package ai.foresight.experiments.adapt;

import ai.foresight.datasets.store.DatasetManifest;

/**
 * Whether a dataset can serve a model's adaptation: it must come from the model's world (same dynamics,
 * action and proprio spaces) at the model's frame size; only the camera's look may differ. The target dataset
 * must also be a generated one, since its distractor ids and seed define the target world the job evaluates in.
 */
public final class DomainCheck {
    private DomainCheck() {}

    /**
     * @param flag the option that named the dataset, for the message (e.g. {@code --target-data})
     * @throws IllegalArgumentException naming the flag and the field that does not match
     */
    public static void requireSameWorld(String flag, String modelWorld, int modelFrameSize, DatasetManifest data) {
        if (!data.world().equals(modelWorld)) {
            throw new IllegalArgumentException(flag + ": world: expected '" + modelWorld + "' (the model's world), got '"
                    + data.world() + "'");
        }
        if (data.height() != modelFrameSize || data.width() != modelFrameSize) {
            throw new IllegalArgumentException(flag + ": frame size: expected " + modelFrameSize + "x" + modelFrameSize
                    + " (the model's frames), got " + data.height() + "x" + data.width());
        }
    }

    /** {@link #requireSameWorld}, and a generator record that says which shifts made the target domain. */
    public static void requireTarget(String flag, String modelWorld, int modelFrameSize, DatasetManifest target) {
        requireSameWorld(flag, modelWorld, modelFrameSize, target);
        if (target.generator() == null) {
            throw new IllegalArgumentException(flag + ": generator: expected a generated dataset (its distractors and seed "
                    + "define the target world), got imported data without a generator record");
        }
    }
}
