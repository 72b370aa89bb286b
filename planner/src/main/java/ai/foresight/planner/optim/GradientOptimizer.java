package ai.foresight.planner.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Plans by gradient descent on the action sequence through a differentiable world model, as the
 * gradient planner of DINO-WM (Zhou et al. 2024) and of "Gradient-based Planning with World
 * Models" (Jyothir S V et al. 2023) do, but with Adam (Kingma and Ba 2015) and a projection onto the
 * action bounds after every step (projected gradient descent).
 *
 * <p>{@code starts} sequences descend in parallel: each step makes one objective call on all of
 * them and one backward pass from the sum of their (independent) costs. Every iterate evaluated
 * is recorded, and the lowest-cost one is returned, so the result is never worse than the start.
 */
public final class GradientOptimizer implements SequenceOptimizer {
    private final GradientConfig config;
    private final GaussianNoise noise;

    public GradientOptimizer(GradientConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config: expected a GradientConfig, got null");
        }
        this.config = config;
        this.noise = new GaussianNoise(config.seed());
    }

    public GradientConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "gradient";
    }

    /** Throws unless {@code objective} can be differentiated; returns it typed. */
    static DifferentiableObjective requireDifferentiable(ObjectiveFunction objective) {
        if (!(objective instanceof DifferentiableObjective d) || !d.isDifferentiable()) {
            throw new IllegalArgumentException("objective: expected a DifferentiableObjective whose isDifferentiable() is true, got "
                    + (objective == null ? "null" : objective.getClass().getName()));
        }
        return d;
    }

    @Override
    public OptimizationResult optimize(ObjectiveFunction objective, SearchSpace space, WarmStart warmStart, NDManager manager) {
        DifferentiableObjective f = requireDifferentiable(objective);
        if (space == null || manager == null) {
            throw new IllegalArgumentException("space, manager: expected non-null values");
        }
        if (warmStart != null) {
            warmStart.check(space);
        }
        try (NDManager run = manager.newSubManager()) {
            SearchRecorder recorder = new SearchRecorder(run);
            NDArray params = initialIterates(space, warmStart, run);
            NDArray m = run.zeros(params.getShape());
            NDArray v = run.zeros(params.getShape());
            float b1 = config.beta1();
            float b2 = config.beta2();
            for (int t = 1; t <= config.steps(); t++) {
                try (IterationScope scope = new IterationScope(run)) {
                    DifferentiableObjective.CostGradient cg = f.costAndGradient(params);
                    recorder.evaluate(candidates -> cg.costs(), params);
                    NDArray g = cg.gradient();
                    m.muli(b1).addi(g.mul(1 - b1));
                    v.muli(b2).addi(g.square().mul(1 - b2));
                    double c1 = 1 - Math.pow(b1, t);
                    double c2 = 1 - Math.pow(b2, t);
                    NDArray step = m.div(c1).div(v.div(c2).sqrt().add(config.epsilon())).mul(config.learningRate());
                    NDArray next = scope.keep(space.clip(params.sub(step)));
                    params.close();
                    params = next;
                }
            }
            try (IterationScope scope = new IterationScope(run)) {
                NDArray finalCosts = recorder.evaluate(f, params);
                NDArray finalIterate = params.get(finalCosts.argMin().getLong());
                // the final iterate of the start that ended lowest: where a warm start would continue
                return recorder.result(finalIterate, null, manager);
            }
        }
    }

    private NDArray initialIterates(SearchSpace space, WarmStart warmStart, NDManager run) {
        NDArray mean = warmStart == null ? run.zeros(space.sequenceShape()) : warmStart.mean().duplicate();
        mean.attach(run);
        NDArray first = mean.expandDims(0);
        NDArray params;
        if (config.starts() == 1) {
            params = first.duplicate();
        } else {
            NDArray eps = noise.sample(run, space.populationShape(config.starts() - 1));
            NDArray perturbed = eps.mul(config.startSigma()).add(mean);
            params = space.clip(first.concat(perturbed, 0));
            eps.close();
            perturbed.close();
        }
        first.close();
        mean.close();
        params.attach(run);
        return params;
    }
}
