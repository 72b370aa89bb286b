package ai.foresight.experiments.adapt;

import ai.foresight.adaptation.AlignerConfig;
import ai.foresight.adaptation.encoder.AdapterConfig;

/**
 * One adaptation run.
 *
 * @param steps aligner updates
 * @param targetBatch target windows per update (each of history + 1 frames)
 * @param sourceBatch source frames per update
 * @param aligner the aligner's settings
 * @param adapters which adapters wrap the frozen encoder
 * @param probeEvery updates between two measurements of the held-out source–target distance
 * @param probeFrames held-out frames per domain in each measurement
 * @param seed seeds the batch order, the adapters and the critic
 */
public record AdaptSpec(int steps, int targetBatch, int sourceBatch, AlignerConfig aligner, AdapterConfig adapters,
        int probeEvery, int probeFrames, long seed) {
    public AdaptSpec {
        if (steps < 0) {
            throw new IllegalArgumentException("steps: expected >= 0, got " + steps);
        }
        if (targetBatch < 1 || sourceBatch < 1) {
            throw new IllegalArgumentException("targetBatch/sourceBatch: expected >= 1, got " + targetBatch + ", " + sourceBatch);
        }
        if (probeEvery < 1 || probeFrames < 2) {
            throw new IllegalArgumentException("probeEvery/probeFrames: expected >= 1 and >= 2, got " + probeEvery + ", " + probeFrames);
        }
        if (aligner == null || adapters == null) {
            throw new IllegalArgumentException("aligner, adapters: expected values, got null");
        }
    }
}
