package ai.foresight.planner.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

/**
 * The search CEM, iCEM and MPPI share; each plugs in how it draws noise and how it refits its
 * sampling distribution. Per iteration: draw standard noise {@code (n, H, A)}, turn it into samples
 * around the current {@link SamplingDistribution}, append the elites carried from the previous
 * iteration (and, in the last iteration, the mean itself) where asked to, clip the population to
 * the box, evaluate it in one objective call, select the K lowest-cost members and refit.
 *
 * <p>The search starts from the warm start's mean (or zeros) with a uniform spread. With
 * {@code carriedElites > 0}, the first {@code carriedElites} warm-start elites (clipped) join the
 * first population and the best {@code carriedElites} elites of each iteration join the next one
 * (iCEM's elite reuse). The result holds the lowest-cost sequence evaluated, the final mean
 * (clipped) and the last iteration's elites. Every array an iteration creates is closed with it.
 */
final class EliteSearchLoop {

    /** Draws the standard noise of one iteration. */
    interface NoiseSource {
        /** @return standard noise {@code (n, H, A)} for iteration {@code iteration}, attached to {@code manager} */
        NDArray sample(NDManager manager, SearchSpace space, int iteration);
    }

    /** Refits the sampling distribution to an iteration's elites. */
    interface Refit {
        /**
         * @return the next distribution, made of new arrays (the loop closes {@code current} and keeps these)
         */
        SamplingDistribution next(EliteSet top, SamplingDistribution current, SearchSpace space);
    }

    private final int iterations;
    private final int elites;
    private final float initialSpread;
    private final int carriedElites;
    private final boolean evaluateMeanLast;
    private final NoiseSource noise;
    private final Refit refit;

    /**
     * @param iterations refits per search, at least 1
     * @param elites K, members refitted to
     * @param initialSpread standard deviation of the first iteration, at every element
     * @param carriedElites elites carried into the next iteration (and taken from the warm start); 0 for none
     * @param evaluateMeanLast whether the last iteration also evaluates the mean
     * @param noise the standard noise of each iteration
     * @param refit the update of the sampling distribution
     */
    EliteSearchLoop(int iterations, int elites, float initialSpread, int carriedElites, boolean evaluateMeanLast,
            NoiseSource noise, Refit refit) {
        this.iterations = iterations;
        this.elites = elites;
        this.initialSpread = initialSpread;
        this.carriedElites = carriedElites;
        this.evaluateMeanLast = evaluateMeanLast;
        this.noise = noise;
        this.refit = refit;
    }

    /** A loop that carries no elites and never evaluates the mean on its own (CEM, MPPI). */
    EliteSearchLoop(int iterations, int elites, float initialSpread, NoiseSource noise, Refit refit) {
        this(iterations, elites, initialSpread, 0, false, noise, refit);
    }

    /** Runs the search; see {@link SequenceOptimizer#optimize}. */
    OptimizationResult run(ObjectiveFunction objective, SearchSpace space, WarmStart warmStart, NDManager manager) {
        if (objective == null || space == null || manager == null) {
            throw new IllegalArgumentException("objective, space, manager: expected non-null values");
        }
        if (warmStart != null) {
            warmStart.check(space);
        }
        try (NDManager run = manager.newSubManager()) {
            SearchRecorder recorder = new SearchRecorder(run);
            NDArray mean = warmStart == null ? run.zeros(space.sequenceShape()) : warmStart.mean().duplicate();
            mean.attach(run);
            SamplingDistribution distribution = new SamplingDistribution(mean, run.full(space.sequenceShape(), initialSpread));
            NDArray carried = initialCarried(space, warmStart, run);
            NDArray lastElites = null;
            for (int it = 0; it < iterations; it++) {
                try (IterationScope scope = new IterationScope(run)) {
                    NDArray samples = distribution.draw(noise.sample(scope.manager(), space, it));
                    if (carried != null) {
                        samples = samples.concat(carried, 0);
                    }
                    if (it == iterations - 1 && evaluateMeanLast) {
                        samples = samples.concat(distribution.mean().expandDims(0), 0);
                    }
                    NDArray population = space.clip(samples);
                    NDArray costs = recorder.evaluate(objective, population);
                    EliteSet top = EliteSet.select(population, samples, costs, elites);
                    SamplingDistribution next = refit.next(top, distribution, space);
                    distribution.close();
                    distribution = new SamplingDistribution(scope.keep(next.mean()), scope.keep(next.spread()));
                    if (carried != null) {
                        carried.close();
                    }
                    carried = carriedElites > 0 ? scope.keep(top.first(carriedElites).duplicate()) : null;
                    if (lastElites != null) {
                        lastElites.close();
                    }
                    lastElites = scope.keep(top.sequences().duplicate());
                }
            }
            try (IterationScope scope = new IterationScope(run)) {
                return recorder.result(space.clip(distribution.mean()), lastElites, manager);
            }
        }
    }

    /**
     * The first {@code carriedElites} warm-start elites, clipped and owned by {@code run}; null if
     * none. The slice is made in the warm start's manager, so it is made inside a scope that closes.
     */
    private NDArray initialCarried(SearchSpace space, WarmStart warmStart, NDManager run) {
        if (warmStart == null || warmStart.elites() == null || carriedElites <= 0) {
            return null;
        }
        try (IterationScope scope = new IterationScope(run)) {
            long available = warmStart.elites().getShape().get(0);
            return scope.keep(space.clip(warmStart.elites().get(new NDIndex("0:" + Math.min(carriedElites, available)))));
        }
    }
}
