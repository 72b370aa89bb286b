package ai.foresight.experiments.encode;

import ai.foresight.encoders.probe.FeaturePooling;
import ai.foresight.encoders.probe.MlpProbe;
import java.util.Arrays;

/**
 * Settings of a {@link StateProbe}.
 *
 * @param testFraction fraction of episodes held out for scoring (split by episode, seeded)
 * @param stride use every {@code stride}-th frame of each episode
 * @param pooling how (N, D) patch features become one row; {@code FLATTEN} keeps where things are
 * @param lambdas ridge strengths tried; per target, the one with the best R² on a validation split of the
 *     training episodes is refitted on all of them
 * @param batchSize frames per forward pass
 * @param seed seed of the episode splits
 * @param mlp settings of a nonlinear probe ({@link MlpProbe}) used instead of ridge, or null for ridge
 */
public record ProbeConfig(double testFraction, int stride, FeaturePooling pooling, double[] lambdas, int batchSize, long seed,
        MlpProbe.Config mlp) {
    public ProbeConfig {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction: expected 0 < f < 1, got " + testFraction);
        }
        if (stride < 1) {
            throw new IllegalArgumentException("stride: expected at least 1, got " + stride);
        }
        if (pooling == null) {
            throw new IllegalArgumentException("pooling: expected MEAN or FLATTEN, got null");
        }
        if (lambdas == null || lambdas.length == 0 || Arrays.stream(lambdas).anyMatch(l -> !(l > 0) || Double.isInfinite(l))) {
            throw new IllegalArgumentException("lambdas: expected at least one positive finite value, got "
                    + Arrays.toString(lambdas));
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize: expected at least 1, got " + batchSize);
        }
        lambdas = lambdas.clone();
    }

    @Override
    public double[] lambdas() {
        return lambdas.clone();
    }

    /** A quarter of the episodes held out, every frame, flattened patches, λ in {1e-3, 1e-2, ..., 1e4}. */
    public static ProbeConfig defaults() {
        return new ProbeConfig(0.25, 1, FeaturePooling.FLATTEN, new double[] {1e-3, 1e-2, 1e-1, 1, 10, 100, 1e3, 1e4}, 64, 0, null);
    }

    /** For tests: one λ, small batches. */
    public static ProbeConfig tiny() {
        return new ProbeConfig(0.34, 1, FeaturePooling.FLATTEN, new double[] {1e-2}, 8, 0, null);
    }

    public ProbeConfig withStride(int newStride) {
        return new ProbeConfig(testFraction, newStride, pooling, lambdas, batchSize, seed, mlp);
    }

    public ProbeConfig withPooling(FeaturePooling p) {
        return new ProbeConfig(testFraction, stride, p, lambdas, batchSize, seed, mlp);
    }

    public ProbeConfig withTestFraction(double f) {
        return new ProbeConfig(f, stride, pooling, lambdas, batchSize, seed, mlp);
    }

    public ProbeConfig withSeed(long newSeed) {
        return new ProbeConfig(testFraction, stride, pooling, lambdas, batchSize, newSeed, mlp);
    }

    /** The same split with an MLP probe ({@code null}: ridge). */
    public ProbeConfig withMlp(MlpProbe.Config newMlp) {
        return new ProbeConfig(testFraction, stride, pooling, lambdas, batchSize, seed, newMlp);
    }
}
