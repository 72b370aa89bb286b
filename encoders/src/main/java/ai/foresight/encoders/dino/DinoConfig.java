package ai.foresight.encoders.dino;

import ai.foresight.encoders.optim.WarmupCosineSchedule;
import ai.foresight.encoders.vit.VitConfig;

/**
 * Everything a DINO pretraining run needs (Caron et al., 2021): architecture, head, crops, optimiser
 * schedule, teacher EMA and temperatures, checkpointing and the seed.
 *
 * @param vit backbone architecture; its image size is the global crop size
 * @param head projection head
 * @param crops multi-crop augmentation
 * @param batchSize images per step
 * @param steps total optimiser steps
 * @param warmupSteps linear learning-rate warm-up steps
 * @param peakLr learning rate after warm-up (cosine-decayed to {@code finalLr})
 * @param finalLr learning rate at the last step
 * @param weightDecay AdamW decoupled weight decay (matrices only)
 * @param clipNorm global gradient-norm clip (DINO: 3.0)
 * @param momentumStart teacher EMA momentum at step 0, raised to 1 along a cosine (DINO: 0.996)
 * @param teacherTempStart teacher temperature at step 0 (DINO: 0.04)
 * @param teacherTemp teacher temperature after its warm-up (DINO: 0.04–0.07)
 * @param teacherTempWarmupSteps steps of the linear teacher-temperature warm-up
 * @param studentTemp student temperature (DINO: 0.1)
 * @param centerMomentum EMA rate of the teacher center (DINO: 0.9)
 * @param freezeLastLayerSteps steps during which the head's last layer is held still (DINO: 1 epoch)
 * @param checkpointEvery steps between checkpoints
 * @param keepCheckpoints how many recent checkpoints to keep
 * @param seed seed of initialisation, sampling and augmentation
 */
public record DinoConfig(
        VitConfig vit, DinoHeadConfig head, MultiCropConfig crops,
        int batchSize, int steps, int warmupSteps, double peakLr, double finalLr, double weightDecay, double clipNorm,
        double momentumStart, double teacherTempStart, double teacherTemp, int teacherTempWarmupSteps,
        double studentTemp, double centerMomentum, int freezeLastLayerSteps,
        int checkpointEvery, int keepCheckpoints, long seed) {

    public DinoConfig {
        if (vit == null || head == null || crops == null) {
            throw new IllegalArgumentException("vit/head/crops: expected values, got null");
        }
        if (crops.globalSize() != vit.imageSize()) {
            throw new IllegalArgumentException("crops.globalSize: expected the encoder's image size " + vit.imageSize()
                    + ", got " + crops.globalSize());
        }
        if (crops.localSize() % vit.patchSize() != 0) {
            throw new IllegalArgumentException("crops.localSize: expected a multiple of the patch size " + vit.patchSize()
                    + ", got " + crops.localSize());
        }
        positive("batchSize", batchSize);
        positive("steps", steps);
        if (warmupSteps < 0 || warmupSteps > steps) {
            throw new IllegalArgumentException("warmupSteps: expected 0.." + steps + ", got " + warmupSteps);
        }
        if (!(peakLr > 0) || !(finalLr >= 0)) {
            throw new IllegalArgumentException("peakLr/finalLr: expected peakLr > 0 and finalLr >= 0, got " + peakLr + ", " + finalLr);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weightDecay: expected >= 0, got " + weightDecay);
        }
        if (!(clipNorm > 0)) {
            throw new IllegalArgumentException("clipNorm: expected > 0, got " + clipNorm);
        }
        if (!(momentumStart >= 0 && momentumStart <= 1)) {
            throw new IllegalArgumentException("momentumStart: expected [0, 1], got " + momentumStart);
        }
        if (!(teacherTempStart > 0) || !(teacherTemp > 0) || !(studentTemp > 0)) {
            throw new IllegalArgumentException("temperatures: expected > 0, got teacher " + teacherTempStart + " → "
                    + teacherTemp + ", student " + studentTemp);
        }
        if (teacherTempWarmupSteps < 0) {
            throw new IllegalArgumentException("teacherTempWarmupSteps: expected >= 0, got " + teacherTempWarmupSteps);
        }
        if (!(centerMomentum >= 0 && centerMomentum <= 1)) {
            throw new IllegalArgumentException("centerMomentum: expected [0, 1], got " + centerMomentum);
        }
        if (freezeLastLayerSteps < 0) {
            throw new IllegalArgumentException("freezeLastLayerSteps: expected >= 0, got " + freezeLastLayerSteps);
        }
        positive("checkpointEvery", checkpointEvery);
        positive("keepCheckpoints", keepCheckpoints);
    }

    /**
     * For tests: tiny ViT at 32 px, 8 images x (2 global + 2 local) views, 30 steps, constant
     * teacher temperature and a faster-moving teacher (0.99) so that a short run shows a trend.
     */
    public static DinoConfig tiny() {
        return new DinoConfig(VitConfig.tiny(), DinoHeadConfig.tiny(), MultiCropConfig.tiny(),
                8, 30, 3, 2e-3, 1e-4, 0.04, 3.0, 0.99, 0.04, 0.04, 0, 0.1, 0.9, 0, 20, 2, 7);
    }

    /**
     * The default encoder's run: 64 px, batch 32 with 2 global + 6 local crops, 3,000 steps, AdamW
     * peak 1e-3 after 300 warm-up steps, teacher momentum 0.996 → 1, teacher temperature 0.04 → 0.07
     * over the first 1,000 steps, last layer frozen for 100 steps, a checkpoint every 250 steps.
     */
    public static DinoConfig defaults() {
        return new DinoConfig(VitConfig.defaults(), DinoHeadConfig.defaults(), MultiCropConfig.defaults(),
                32, 3000, 300, 1e-3, 1e-6, 0.04, 3.0, 0.996, 0.04, 0.07, 1000, 0.1, 0.9, 100, 250, 2, 0);
    }

    public DinoConfig withSteps(int newSteps, int newWarmup) {
        return new DinoConfig(vit, head, crops, batchSize, newSteps, newWarmup, peakLr, finalLr, weightDecay, clipNorm,
                momentumStart, teacherTempStart, teacherTemp, Math.min(teacherTempWarmupSteps, newSteps), studentTemp,
                centerMomentum, freezeLastLayerSteps, checkpointEvery, keepCheckpoints, seed);
    }

    public DinoConfig withCheckpointEvery(int every) {
        return new DinoConfig(vit, head, crops, batchSize, steps, warmupSteps, peakLr, finalLr, weightDecay, clipNorm,
                momentumStart, teacherTempStart, teacherTemp, teacherTempWarmupSteps, studentTemp,
                centerMomentum, freezeLastLayerSteps, every, keepCheckpoints, seed);
    }

    public DinoConfig withCenterMomentum(double momentum) {
        return new DinoConfig(vit, head, crops, batchSize, steps, warmupSteps, peakLr, finalLr, weightDecay, clipNorm,
                momentumStart, teacherTempStart, teacherTemp, teacherTempWarmupSteps, studentTemp,
                momentum, freezeLastLayerSteps, checkpointEvery, keepCheckpoints, seed);
    }

    public DinoConfig withSeed(long newSeed) {
        return new DinoConfig(vit, head, crops, batchSize, steps, warmupSteps, peakLr, finalLr, weightDecay, clipNorm,
                momentumStart, teacherTempStart, teacherTemp, teacherTempWarmupSteps, studentTemp,
                centerMomentum, freezeLastLayerSteps, checkpointEvery, keepCheckpoints, newSeed);
    }

    /** Learning rate of 0-based {@code step}: linear warm-up, then cosine to {@code finalLr}. */
    public double learningRateAt(long step) {
        return new WarmupCosineSchedule(warmupSteps, steps, peakLr, finalLr).at(step);
    }

    /** Teacher EMA momentum of {@code step}: cosine from {@code momentumStart} to 1. */
    public double momentumAt(long step) {
        return new WarmupCosineSchedule(0, steps, momentumStart, 1.0).at(step);
    }

    /** Teacher temperature of {@code step}: linear from start to {@code teacherTemp}, then constant. */
    public double teacherTemperatureAt(long step) {
        if (step >= teacherTempWarmupSteps) {
            return teacherTemp;
        }
        return teacherTempStart + (teacherTemp - teacherTempStart) * step / teacherTempWarmupSteps;
    }

    private static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + ": expected a positive value, got " + value);
        }
    }
}
