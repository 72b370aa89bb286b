package ai.foresight.experiments.encode;

import ai.foresight.encoders.dino.DinoConfig;
import ai.foresight.encoders.dino.DinoHeadConfig;
import ai.foresight.encoders.dino.MultiCropConfig;
import ai.foresight.encoders.vit.VitConfig;
import java.util.List;

/**
 * Turns the pretrain job's choices (preset, length in steps or epochs, seed) into a {@link DinoConfig}.
 *
 * <p>Schedules scale with the run's length: learning-rate warm-up over 10% of the steps and teacher
 * temperature warm-up (0.04 → the preset's final value) over 30%, as DINO's warm-ups are fractions of
 * a run many times longer than a CPU run here.
 *
 * @param preset {@code tiny} (tests) or {@code default} (the shipped encoder's architecture)
 * @param steps optimiser steps; 0 means "from {@code epochs}" or, with both 0, the preset's own length
 * @param epochs passes over the frames (steps = ceil(epochs x frames / batch)); 0 when {@code steps} is used
 * @param seed seed of initialisation, sampling and augmentation
 * @param checkpointEvery steps between checkpoints; 0 means the preset's
 */
public record PretrainPlan(String preset, int steps, double epochs, long seed, int checkpointEvery) {
    /** The presets by name. */
    public static final List<String> PRESETS = List.of("tiny", "default");

    public PretrainPlan {
        if (!PRESETS.contains(preset)) {
            throw new IllegalArgumentException("preset: expected one of " + String.join(", ", PRESETS) + ", got '" + preset + "'");
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps: expected >= 0, got " + steps);
        }
        if (!(epochs >= 0) || Double.isInfinite(epochs)) {
            throw new IllegalArgumentException("epochs: expected a finite value >= 0, got " + epochs);
        }
        if (steps > 0 && epochs > 0) {
            throw new IllegalArgumentException("steps/epochs: expected one of them, got both (" + steps + ", " + epochs + ")");
        }
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException("checkpointEvery: expected >= 0, got " + checkpointEvery);
        }
    }

    /** The preset's config before the run length is applied. */
    public DinoConfig presetConfig() {
        return "tiny".equals(preset) ? DinoConfig.tiny() : DinoConfig.defaults();
    }

    /** The DINO config of this plan for a dataset of {@code frames} frames. */
    public DinoConfig config(long frames) {
        if (frames <= 0) {
            throw new IllegalArgumentException("frames: expected at least one frame, got " + frames);
        }
        DinoConfig p = presetConfig();
        int total = steps > 0 ? steps
                : epochs > 0 ? (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.ceil(epochs * frames / p.batchSize())))
                : p.steps();
        int warmup = Math.min(p.warmupSteps(), Math.max(0, total / 10));
        int tempWarmup = p.teacherTempStart() == p.teacherTemp() ? 0 : Math.max(1, total * 3 / 10);
        int freeze = Math.min(p.freezeLastLayerSteps(), total / 10);
        int every = checkpointEvery > 0 ? checkpointEvery : p.checkpointEvery();
        VitConfig vit = p.vit();
        DinoHeadConfig head = p.head();
        MultiCropConfig crops = p.crops();
        return new DinoConfig(vit, head, crops, p.batchSize(), total, warmup, p.peakLr(), p.finalLr(), p.weightDecay(),
                p.clipNorm(), p.momentumStart(), p.teacherTempStart(), p.teacherTemp(), tempWarmup, p.studentTemp(),
                p.centerMomentum(), freeze, every, p.keepCheckpoints(), seed);
    }
}
