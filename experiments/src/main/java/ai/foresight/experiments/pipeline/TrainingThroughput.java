package ai.foresight.experiments.pipeline;

import ai.foresight.experiments.planbench.MatmulShape;
import ai.foresight.experiments.planbench.PredictorFlops;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.RepoConfig;
import ai.foresight.worldmodel.WorldModelConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * How fast a training run went, in windows per second and as a fraction of the fp32 matmul peak measured
 * on the same machine in the same process. The FLOPs are counted analytically: the matmuls of one
 * teacher-forced predictor forward over the batch (H frames per window, heads on every frame), plus the
 * RePo posterior MLP over every token of the H + 1 frames, and the backward pass counted as twice the
 * forward (the usual 3x rule for dense layers). Element-wise work, layer norms and the optimiser are not
 * counted, so the fraction is an upper bound on how busy the matmul units were.
 *
 * @param windowsPerSecond training windows consumed per second (batch x steps / seconds)
 * @param stepsPerSecond optimiser steps per second
 * @param flopsPerStep matmul FLOPs of one optimiser step (forward + backward)
 * @param achievedGflops flopsPerStep x stepsPerSecond / 1e9
 * @param matmulPeakGflops fp32 1024³ matmul GFLOP/s measured in the same process
 */
public record TrainingThroughput(double windowsPerSecond, double stepsPerSecond, long flopsPerStep, double achievedGflops,
        double matmulPeakGflops) {

    /** Share of the measured matmul peak that the counted FLOPs reached. */
    public double peakFraction() {
        return achievedGflops / matmulPeakGflops;
    }

    /**
     * @param steps optimiser steps timed
     * @param seconds their wall time (steps only: no encoding, no start-up)
     */
    public static TrainingThroughput of(WorldModelConfig model, int batchSize, long steps, double seconds, double matmulPeakGflops) {
        if (steps < 1 || !(seconds > 0)) {
            throw new IllegalArgumentException("steps, seconds: expected at least one timed step, got " + steps + " in " + seconds + " s");
        }
        long flops = stepFlops(model, batchSize);
        double stepsPerSecond = steps / seconds;
        return new TrainingThroughput(batchSize * stepsPerSecond, stepsPerSecond, flops, flops * stepsPerSecond / 1e9,
                matmulPeakGflops);
    }

    /** Matmul FLOPs of one step on {@code batchSize} windows of H + 1 frames: 3 x the forward. */
    public static long stepFlops(WorldModelConfig model, int batchSize) {
        PredictorConfig p = model.predictor();
        RepoConfig repo = model.repo();
        PredictorFlops predictor = new PredictorFlops(p, model.latentDim(), repo != null);
        long forward = predictor.forwardFlops(batchSize, p.historyFrames(), false);
        if (repo != null) {
            long frames = (long) batchSize * (p.historyFrames() + 1);
            long tokens = frames * p.tokensPerFrame();
            long read = repo.posteriorReadsPatches() ? frames * p.patchesPerFrame() : tokens;
            List<MatmulShape> posterior = new ArrayList<>();
            posterior.add(new MatmulShape("posterior_hidden", 1, read, p.featureDim(), repo.posteriorHidden()));
            if (repo.posteriorReadsPatches()) {
                posterior.add(new MatmulShape("posterior_pool", 1, frames * repo.posteriorHidden(), p.patchesPerFrame(),
                        p.tokensPerFrame()));
            }
            posterior.add(new MatmulShape("posterior_out", 1, tokens, repo.posteriorHidden(), 2L * repo.latentDim()));
            forward += PredictorFlops.total(posterior);
        }
        return 3 * forward;
    }
}
