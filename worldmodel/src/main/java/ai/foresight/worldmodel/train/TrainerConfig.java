package ai.foresight.worldmodel.train;

/**
 * Settings of a {@link Trainer} run. The fields after {@code seed} only control logging, evaluation and
 * checkpoint cadence; all others must match when a run resumes from a checkpoint.
 *
 * @param steps total optimiser steps (the cosine schedule ends here)
 * @param batchSize windows per step
 * @param peakLearningRate learning rate after warm-up
 * @param finalLearningRate learning rate at the end of the cosine
 * @param warmupSteps linear warm-up steps
 * @param weightDecay AdamW decoupled decay (matrices only)
 * @param clipNorm global gradient-norm limit
 * @param proprioWeight weight of the predictor's next-proprio MSE
 * @param rewardWeight weight of the reward-head NLL
 * @param proprioHeadWeight weight of the proprio-head NLL
 * @param seed seeds data sampling, dropout and posterior noise, per step
 * @param logEvery write a metrics line every this many steps
 * @param evalEvery evaluate on validation data every this many steps (0: only at the end)
 * @param evalBatches validation batches per evaluation
 * @param checkpointEvery checkpoint every this many steps (0: only at the end)
 * @param keepCheckpoints newest checkpoints kept on disk
 */
public record TrainerConfig(
        int steps,
        int batchSize,
        double peakLearningRate,
        double finalLearningRate,
        int warmupSteps,
        double weightDecay,
        double clipNorm,
        double proprioWeight,
        double rewardWeight,
        double proprioHeadWeight,
        long seed,
        int logEvery,
        int evalEvery,
        int evalBatches,
        int checkpointEvery,
        int keepCheckpoints) {

    public TrainerConfig {
        positive("steps", steps);
        positive("batchSize", batchSize);
        if (!(peakLearningRate > 0) || !(finalLearningRate >= 0) || Double.isInfinite(peakLearningRate)) {
            throw new IllegalArgumentException("learning rates: expected peak > 0 and final >= 0, got "
                    + peakLearningRate + ", " + finalLearningRate);
        }
        if (warmupSteps < 0 || warmupSteps > steps) {
            throw new IllegalArgumentException("warmupSteps: expected 0 to steps (" + steps + "), got " + warmupSteps);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weightDecay: expected >= 0, got " + weightDecay);
        }
        if (!(clipNorm > 0)) {
            throw new IllegalArgumentException("clipNorm: expected > 0, got " + clipNorm);
        }
        if (!(proprioWeight >= 0) || !(rewardWeight >= 0) || !(proprioHeadWeight >= 0)) {
            throw new IllegalArgumentException("loss weights: expected >= 0, got " + proprioWeight + ", " + rewardWeight + ", " + proprioHeadWeight);
        }
        positive("logEvery", logEvery);
        if (evalEvery < 0 || checkpointEvery < 0) {
            throw new IllegalArgumentException("evalEvery/checkpointEvery: expected >= 0, got " + evalEvery + ", " + checkpointEvery);
        }
        positive("evalBatches", evalBatches);
        positive("keepCheckpoints", keepCheckpoints);
    }

    private static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + ": expected > 0, got " + value);
        }
    }

    /** DINO-WM-like: batch 32, lr 5e-4 → 1e-5 with 100 warm-up steps, decay 0.01, clip 1. */
    public static TrainerConfig defaults() {
        return new TrainerConfig(3000, 32, 5e-4, 1e-5, 100, 0.01, 1.0, 1.0, 1.0, 1.0, 0L, 10, 500, 4, 500, 2);
    }

    /** Tests: 60 steps of batch 8 at lr 3e-3. */
    public static TrainerConfig tiny() {
        return new TrainerConfig(60, 8, 3e-3, 3e-4, 5, 0.01, 1.0, 1.0, 1.0, 1.0, 0L, 1, 0, 2, 0, 2);
    }

    public TrainerConfig withSteps(int newSteps) {
        return new TrainerConfig(newSteps, batchSize, peakLearningRate, finalLearningRate, Math.min(warmupSteps, newSteps),
                weightDecay, clipNorm, proprioWeight, rewardWeight, proprioHeadWeight, seed, logEvery, evalEvery,
                evalBatches, checkpointEvery, keepCheckpoints);
    }

    public TrainerConfig withSeed(long newSeed) {
        return new TrainerConfig(steps, batchSize, peakLearningRate, finalLearningRate, warmupSteps, weightDecay, clipNorm,
                proprioWeight, rewardWeight, proprioHeadWeight, newSeed, logEvery, evalEvery, evalBatches,
                checkpointEvery, keepCheckpoints);
    }

    public TrainerConfig withCadence(int newLogEvery, int newEvalEvery, int newCheckpointEvery) {
        return new TrainerConfig(steps, batchSize, peakLearningRate, finalLearningRate, warmupSteps, weightDecay, clipNorm,
                proprioWeight, rewardWeight, proprioHeadWeight, seed, newLogEvery, newEvalEvery, evalBatches,
                newCheckpointEvery, keepCheckpoints);
    }
}
