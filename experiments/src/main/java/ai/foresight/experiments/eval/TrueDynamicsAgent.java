package ai.foresight.experiments.eval;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.env.Observation;
import ai.foresight.planner.PlannerConfig;
import ai.foresight.planner.TrajectoryPlanner;
import ai.foresight.planner.agent.AgentConfig;
import ai.foresight.planner.agent.Controller;
import ai.foresight.planner.mpc.MpcConfig;
import ai.foresight.planner.mpc.MpcController;
import ai.foresight.planner.optim.ObjectiveFunction;
import ai.foresight.worldmodel.data.DataNormalization;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The planner's ceiling: the same optimiser, horizon, frame steps, search box, warm start and frame weighting as
 * the goal-reaching agent, but with the simulator's own dynamics in place of the world model and the world's
 * success distance in place of the latent cost. Where this agent fails, a perfect model would fail too; the gap
 * between its success and a learned model's is what the model costs.
 *
 * <p>This agent reads the ground-truth state of the episode it is evaluated in, so it is a diagnostic, not an
 * entry of the fixed-budget protocol (which forbids both the state and the simulator while planning). It plans in
 * a private copy of the world ({@link Env#transition}) and never steps the evaluated one.
 *
 * <p>Cost of a frame-step sequence: {@code sum_t w_t (d(s_t, goal) / scale)^2} over the states after each frame
 * step, {@code w} from the agent's {@link ai.foresight.planner.objective.FrameWeighting}, scale the mean proprio
 * standard deviation of the model's data (so the cost sits in the same range as the model's proprio term).
 * Candidates are simulated one by one in Java: at N·H·k transitions per iteration this is cheap next to a
 * model rollout.
 */
public final class TrueDynamicsAgent implements Controller, AutoCloseable {
    private final Env world;
    private final Supplier<double[]> episodeState;
    private final Supplier<double[]> episodeGoal;
    private final AgentConfig config;
    private final int frameskip;
    private final int actionDim;
    private final double scale;
    private final NDManager manager;
    private final MpcController<Observation> mpc;
    private double[] planningStart;

    /**
     * @param world a private instance of the evaluated world (same id and layout), used only to simulate
     * @param episodeState the evaluated episode's current ground-truth state
     * @param episodeGoal the evaluated episode's goal state
     * @param frameskip environment actions per model step, k
     * @param normalization the model's action statistics (the search box and units match the model's agent)
     */
    public TrueDynamicsAgent(Env world, Supplier<double[]> episodeState, Supplier<double[]> episodeGoal, int frameskip,
            DataNormalization normalization, AgentConfig config) {
        if (world == null || episodeState == null || episodeGoal == null || normalization == null || config == null) {
            throw new IllegalArgumentException("world, episodeState, episodeGoal, normalization, config: expected values, got null");
        }
        if (frameskip < 1) {
            throw new IllegalArgumentException("frameskip: expected at least 1, got " + frameskip);
        }
        if (normalization.actionDim() != world.spec().actionDim()) {
            throw new IllegalArgumentException("normalization: expected " + world.spec().actionDim() + " action dimensions (the world's), got "
                    + normalization.actionDim());
        }
        this.world = world;
        this.episodeState = episodeState;
        this.episodeGoal = episodeGoal;
        this.config = config;
        this.frameskip = frameskip;
        this.actionDim = world.spec().actionDim();
        this.scale = meanOf(normalization.proprioStd());
        this.manager = NDManager.newBaseManager();
        PlannerConfig plannerConfig = PlannerConfig.forFrameSteps(config.horizon(), world.spec().actionLow(), world.spec().actionHigh(),
                frameskip, normalization.frameActionMean(frameskip), normalization.frameActionStd(frameskip));
        TrajectoryPlanner planner = new TrajectoryPlanner(plannerConfig,
                config.planner().create(config.samples(), config.iterations(), config.initSigma(), config.seed()));
        // the context array only satisfies the controller; the objective simulates from the exact double state, since
        // a float round trip can move a dot resting against the wall (1e-7 away) into it
        this.mpc = new MpcController<>(planner, (observation, m) -> m.create(toFloats(planningStart)),
                context -> objective(planningStart.clone()), new MpcConfig(config.executeSteps()), manager);
    }

    @Override
    public void reset(Observation goal) {
        mpc.reset();
    }

    @Override
    public double[][] act(Observation current) {
        planningStart = episodeState.get();
        world.resetTo(planningStart, episodeGoal.get());
        List<double[]> rows = new ArrayList<>();
        for (int s = 0; s < config.executeSteps(); s++) {
            float[] modelAction = mpc.act(current);
            for (int j = 0; j < frameskip; j++) {
                double[] a = new double[actionDim];
                for (int i = 0; i < actionDim; i++) {
                    a[i] = modelAction[j * actionDim + i];
                }
                rows.add(world.spec().clip(a));
            }
        }
        return rows.toArray(new double[0][]);
    }

    /** Costs of {@code (N, H, k·A)} world-unit sequences from {@code start}. */
    private ObjectiveFunction objective(double[] start) {
        float[] weights = config.frames().weights(config.horizon());
        return actions -> {
            Shape shape = actions.getShape();
            int n = (int) shape.get(0), horizon = (int) shape.get(1), width = (int) shape.get(2);
            float[] flat = actions.toFloatArray();
            float[] costs = new float[n];
            double[] a = new double[actionDim];
            for (int c = 0; c < n; c++) {
                double[] s = start;
                double cost = 0;
                for (int t = 0; t < horizon; t++) {
                    for (int j = 0; j < frameskip; j++) {
                        int offset = (c * horizon + t) * width + j * actionDim;
                        for (int i = 0; i < actionDim; i++) {
                            a[i] = flat[offset + i];
                        }
                        s = world.transition(s, a);
                    }
                    double d = world.distanceToGoal(s) / scale;
                    cost += weights[t] * d * d;
                }
                costs[c] = (float) cost;
            }
            return actions.getManager().create(costs);
        };
    }

    @Override
    public void close() {
        manager.close();
    }

    private static float[] toFloats(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    private static double meanOf(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return v.length == 0 || !(sum > 0) ? 1.0 : sum / v.length;
    }
}
