package ai.foresight.worldmodel.checkpoint;

import ai.foresight.worldmodel.WorldModelConfig;
import ai.foresight.worldmodel.train.TrainerConfig;
import java.util.Map;

/**
 * What a checkpoint was made from, stored beside it as {@code provenance.json}.
 *
 * @param format checkpoint layout version
 * @param encoderId id of the frozen encoder whose features the model was trained on
 * @param model the full model config (a checkpoint is refused by a run with another one)
 * @param trainer the trainer settings (null for a model saved outside training)
 * @param step optimiser steps completed
 * @param gitCommit commit of the code that wrote it (with "-dirty" for uncommitted changes), or null
 * @param versions Java, DJL, engine and Foresight versions
 * @param createdAt ISO-8601 instant
 */
public record Provenance(
        int format,
        String encoderId,
        WorldModelConfig model,
        TrainerConfig trainer,
        long step,
        String gitCommit,
        Map<String, String> versions,
        String createdAt) {
    public static final int FORMAT = 1;
}
