package ai.foresight.experiments.pipeline;

import ai.foresight.worldmodel.data.DataNormalization;

/**
 * {@code model.json}: what a trained model directory holds and how to use it, written last (atomically) by
 * {@link ModelTraining} and read by {@link TrainedModel#load}.
 *
 * @param format layout version ({@link #FORMAT})
 * @param world world id the data came from (e.g. {@code wall})
 * @param frameSize frame height and width of the data, pixels
 * @param actionLow (A) the world's lower action bounds
 * @param actionHigh (A) the world's upper action bounds
 * @param preset world-model preset
 * @param mode {@code dino-wm} or {@code repo}
 * @param encoderName what {@code --encoder} named (e.g. {@code default}, {@code random-tiny})
 * @param encoderId the encoder's id (hash of config and weights); features of another encoder are refused
 * @param encoderDir folder inside the model directory holding a copy of the encoder, or null when it is loaded by name
 * @param normalization the action/proprio statistics the model was trained with
 * @param checkpoint the checkpoint folder inside the model directory to load
 * @param steps optimiser steps of that checkpoint
 * @param dataset the dataset directory trained on, as given
 * @param datasetEpisodes episodes in it
 * @param createdAt ISO-8601 instant
 */
public record ModelManifest(
        int format,
        String world,
        int frameSize,
        double[] actionLow,
        double[] actionHigh,
        String preset,
        String mode,
        String encoderName,
        String encoderId,
        String encoderDir,
        DataNormalization normalization,
        String checkpoint,
        long steps,
        String dataset,
        int datasetEpisodes,
        String createdAt) {

    /** The current {@link #format}. */
    public static final int FORMAT = 1;

    public ModelManifest {
        if (format != FORMAT) {
            throw new IllegalArgumentException("format: expected " + FORMAT + ", got " + format);
        }
        if (world == null || world.isBlank()) {
            throw new IllegalArgumentException("world: expected a world id, got '" + world + "'");
        }
        if (actionLow == null || actionHigh == null || actionLow.length != actionHigh.length || actionLow.length == 0) {
            throw new IllegalArgumentException("actionLow/actionHigh: expected two vectors of the same, non-zero length");
        }
        if (encoderId == null || encoderId.isBlank() || checkpoint == null || normalization == null) {
            throw new IllegalArgumentException("encoderId, checkpoint, normalization: expected values");
        }
        actionLow = actionLow.clone();
        actionHigh = actionHigh.clone();
    }

    @Override
    public double[] actionLow() {
        return actionLow.clone();
    }

    @Override
    public double[] actionHigh() {
        return actionHigh.clone();
    }
}
