package ai.foresight.planner.optim;

import ai.djl.ndarray.NDArray;

/**
 * The diagonal Gaussian a population optimiser samples from: a mean and a per-element spread
 * (standard deviation), both {@code (H, A)}.
 *
 * @param mean centre of the samples, {@code (H, A)}
 * @param spread per-element standard deviation, {@code (H, A)}
 */
record SamplingDistribution(NDArray mean, NDArray spread) implements AutoCloseable {

    /** Scales and shifts standard noise {@code (n, H, A)} into samples {@code noise * spread + mean}. */
    NDArray draw(NDArray noise) {
        return noise.mul(spread).add(mean);
    }

    @Override
    public void close() {
        mean.close();
        spread.close();
    }
}
