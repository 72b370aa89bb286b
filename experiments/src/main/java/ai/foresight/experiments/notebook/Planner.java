package ai.foresight.experiments.notebook;

import ai.foresight.datasets.env.Observation;
import ai.foresight.datasets.image.Frame;
import ai.foresight.experiments.eval.EpisodeRecord;
import ai.foresight.experiments.eval.EvaluationSummary;
import ai.foresight.experiments.eval.FixedBudgetEvaluator;
import ai.foresight.planner.Plan;
import ai.foresight.planner.agent.AgentConfig;
import ai.foresight.planner.agent.GoalReachingAgent;
import ai.foresight.planner.agent.PlannerKind;
import java.util.ArrayList;
import java.util.List;

/**
 * One sequence optimiser searching a {@link LearnedModel} for actions whose imagined outcome matches a goal
 * image, DINO-WM's planning (Zhou et al. 2024) through the pipeline's {@link GoalReachingAgent}. Unless set
 * here, samples, iterations and horizon come from the model's {@link Preset}. Immutable: the setters return
 * a new planner. Each call makes (and closes) its own agent, so nothing native is held between calls.
 *
 * <pre>{@code
 * var plan = Planners.cem().plan(model, world);          // one open-loop plan to world.goal()
 * var run  = Planners.mppi().control(model, world, 30);  // MPC: plan, execute, replan
 * Planners.icem().samples(64).evaluate(model, world, 10, 25)
 * }</pre>
 */
public final class Planner {
    private final PlannerKind kind;
    private final int samples;
    private final int iterations;
    private final int horizon;

    Planner(PlannerKind kind, int samples, int iterations, int horizon) {
        if (samples < 0 || iterations < 0 || horizon < 0) {
            throw new IllegalArgumentException("samples/iterations/horizon: expected >= 0 (0 = the model's preset), got "
                    + samples + ", " + iterations + ", " + horizon);
        }
        this.kind = kind;
        this.samples = samples;
        this.iterations = iterations;
        this.horizon = horizon;
    }

    /** The optimiser's id: cem, icem, mppi, gd, cem-gd. */
    public String id() {
        return kind.id();
    }

    public PlannerKind kind() {
        return kind;
    }

    /** Candidate sequences per iteration (ignored by gd). */
    public Planner samples(int n) {
        return new Planner(kind, n, iterations, horizon);
    }

    /** Optimiser iterations (Adam steps for gd). */
    public Planner iterations(int n) {
        return new Planner(kind, samples, n, horizon);
    }

    /** Model steps per plan (each is the world's frameskip k actions). */
    public Planner horizon(int h) {
        return new Planner(kind, samples, iterations, h);
    }

    /** The agent settings this planner uses with {@code model}: the model preset's, with this planner's overrides. */
    public AgentConfig config(LearnedModel model) {
        return config(model.preset());
    }

    /** {@code preset}'s planner settings with this planner's optimiser and overrides. */
    public AgentConfig config(Preset preset) {
        AgentConfig base = preset.planner().withPlanner(kind);
        base = base.withBudget(samples > 0 ? samples : base.samples(), iterations > 0 ? iterations : base.iterations());
        if (horizon > 0) {
            base = base.withHorizon(horizon, Math.min(base.executeSteps(), horizon));
        }
        return base;
    }

    /**
     * One open-loop plan from the world's current observation to its goal image. The plan is then
     * replayed in a copy of the world ({@link PlanResult#preview()}), so {@code Show.gif(plan.preview())}
     * shows what it really does; the world itself does not move.
     */
    public PlanResult plan(LearnedModel model, World world) {
        PlanResult plan = plan(model, world.observe(), world.goal());
        return plan.withPreview(world.preview(plan.actions(), "plan-" + id()));
    }

    /** One open-loop plan from {@code current} towards {@code goal} (no preview: there is no world to replay it in). */
    public PlanResult plan(LearnedModel model, Observation current, Observation goal) {
        AgentConfig config = config(model).openLoop();
        try (GoalReachingAgent agent = model.agent(config)) {
            agent.reset(goal);
            double[][] actions = agent.act(current);
            Plan plan = agent.lastPlan();
            float[] costs = new float[plan.trace().iterations().size()];
            for (int i = 0; i < costs.length; i++) {
                costs[i] = plan.trace().iterations().get(i).bestSoFar();
            }
            return new PlanResult(id(), actions, plan.cost(), costs, plan.trace().totalEvaluations(), plan.seconds(), null);
        }
    }

    /**
     * Model-predictive control for {@code steps} environment steps: plan, execute the first model step, replan
     * from the new observation (warm-started), as DINO-WM's MPC does. The world moves; the returned
     * trajectory holds every frame.
     */
    public Trajectory control(LearnedModel model, World world, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps: expected at least 1, got " + steps);
        }
        Observation goal = world.goal();
        List<Frame> frames = new ArrayList<>(List.of(world.observe().frame()));
        List<double[]> executed = new ArrayList<>();
        List<Double> distances = new ArrayList<>(List.of(world.distance()));
        try (GoalReachingAgent agent = model.agent(config(model))) {
            agent.reset(goal);
            while (executed.size() < steps) {
                double[][] chunk = agent.act(world.observe());
                for (int j = 0; j < chunk.length && executed.size() < steps; j++) {
                    frames.add(world.step(chunk[j]).observation().frame());
                    executed.add(chunk[j]);
                    distances.add(world.distance());
                }
            }
        }
        Trajectory t = new Trajectory("mpc-" + id(), world.id(), frames, executed.toArray(new double[0][]),
                distances.stream().mapToDouble(Double::doubleValue).toArray(), world.success(), goal.frame());
        System.out.println(t);
        return t;
    }

    /** {@link #evaluate(LearnedModel, World, int, int)} with the model preset's pairs and budget. */
    public EvaluationSummary evaluate(LearnedModel model, World world) {
        return evaluate(model, world, model.preset().evalPairs(), model.preset().evalBudget());
    }

    /**
     * The fixed-budget protocol: {@code pairs} start/goal pairs from a fixed seed, {@code budget} environment
     * steps each whether or not the goal is reached, success judged on the final state; success rate with its
     * 95% Wilson interval, final distance and planning time per replan. Resets the world for every pair.
     */
    public EvaluationSummary evaluate(LearnedModel model, World world, int pairs, int budget) {
        FixedBudgetEvaluator evaluator = new FixedBudgetEvaluator(new FixedBudgetEvaluator.Settings(pairs, budget, 0L, 0));
        List<EpisodeRecord> records;
        try (GoalReachingAgent agent = model.agent(config(model))) {
            records = evaluator.run(world.env(), agent, done -> { });
        }
        String label = world.id() + (world.distractors().isEmpty() ? "" : "+" + String.join("+", world.distractors()))
                + " / " + id();
        EvaluationSummary summary = EvaluationSummary.of(label, records);
        System.out.println(summary);
        return summary;
    }

    @Override
    public String toString() {
        return "Planner[" + id() + ", " + (samples == 0 ? "preset" : samples) + " samples, "
                + (iterations == 0 ? "preset" : iterations) + " iterations, horizon " + (horizon == 0 ? "preset" : horizon) + "]";
    }
}
