package ai.foresight.planner.agent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.foresight.datasets.env.Observation;
import ai.foresight.datasets.image.Frame;
import ai.foresight.encoders.FramePixels;
import ai.foresight.encoders.PatchEncoder;
import ai.foresight.planner.Plan;
import ai.foresight.planner.PlannerConfig;
import ai.foresight.planner.TrajectoryPlanner;
import ai.foresight.planner.mpc.MpcConfig;
import ai.foresight.planner.mpc.MpcController;
import ai.foresight.planner.objective.Goal;
import ai.foresight.planner.objective.GoalDistanceObjective;
import ai.foresight.planner.objective.RolloutModel;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.WorldModel;
import ai.foresight.worldmodel.data.DataNormalization;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Reaches a goal image by planning in a learned world model, DINO-WM's MPC loop (Zhou et al. 2024,
 * "DINO-WM: World Models on Pre-trained Visual Features enable Zero-shot Planning"): encode the current frame
 * with the frozen {@link PatchEncoder}, search frame-step action sequences whose imagined last frame (plus
 * alpha x proprio) is closest to the goal's latent, execute the first model step(s), keep the rest of the
 * plan as the next search's warm start.
 *
 * <p>A model action is the k environment actions of one frame step concatenated; {@link #act} unpacks the
 * executed model steps into rows of A world-unit actions, each clipped to the environment's bounds. The
 * planner searches in the data's standardised units (a CEM sigma of 1 spans the data's spread), as DINO-WM
 * does. With one model step executed per plan, consecutive observations are one frame step apart, so the
 * agent keeps up to H − 1 earlier frames and the actions between them as the model's history; with longer
 * chunks the intermediate frames are never seen, and each plan starts from the current frame alone.
 *
 * <p>With several models ({@link EnsembleRollout}) the agent plans with their mean prediction, the members' spread
 * weighted by {@link AgentConfig#disagreementWeight} added to the goal cost.
 *
 * <p>Memory: every call's arrays live in a sub-manager closed before it returns (the goal and history are
 * kept as Java arrays), so the agent holds no native memory between calls. Not thread-safe. The encoder and
 * model are not owned; {@link #close} frees only the agent's own manager.
 */
public final class GoalReachingAgent implements ForecastingController, AutoCloseable {
    private final PatchEncoder encoder;
    private final WorldModelRollout rollout;
    private final RolloutModel imagination;
    private final AgentConfig config;
    private final double[] low;
    private final double[] high;
    private final int frameskip;
    private final int actionDim;
    private final int historyFrames;
    private final boolean usesProprio;
    private final NDManager manager;
    private final MpcController<Observation> mpc;
    private final Deque<float[]> pastFeatures = new ArrayDeque<>();
    private final Deque<float[]> pastProprio = new ArrayDeque<>();
    private final Deque<float[]> pastActions = new ArrayDeque<>();
    private float[] goalFeatures;
    private float[] goalProprio;
    private float[] currentFeatures;
    private float[] currentProprio;
    private float[] expectedProprio;

    /**
     * @param encoder the frozen encoder the model's features came from
     * @param model the trained world model
     * @param normalization the action/proprio statistics the model was trained with
     * @param actionLow (A) the environment's lower action bounds
     * @param actionHigh (A) the environment's upper action bounds
     */
    public GoalReachingAgent(PatchEncoder encoder, WorldModel model, DataNormalization normalization, double[] actionLow,
            double[] actionHigh, AgentConfig config) {
        this(encoder, model == null ? null : List.of(model), normalization, actionLow, actionHigh, config);
    }

    /**
     * An agent planning with one model, or with an ensemble of models trained alike ({@link EnsembleRollout}: same
     * preset, data and encoder).
     *
     * @param models the trained world models, the first of which builds contexts and goals
     * @param normalization the action/proprio statistics every model was trained with
     */
    public GoalReachingAgent(PatchEncoder encoder, List<WorldModel> models, DataNormalization normalization, double[] actionLow,
            double[] actionHigh, AgentConfig config) {
        if (encoder == null || models == null || models.isEmpty() || config == null) {
            throw new IllegalArgumentException("encoder, models, config: expected values (at least one model), got null or none");
        }
        if (models.size() == 1 && config.disagreementWeight() > 0) {
            throw new IllegalArgumentException("config.disagreementWeight: expected 0 for a single model (the penalty needs an ensemble), got "
                    + config.disagreementWeight());
        }
        WorldModel model = models.get(0);
        PredictorConfig p = model.config().predictor();
        if (encoder.tokens() != p.patchesPerFrame() || encoder.dim() != p.featureDim()) {
            throw new IllegalArgumentException("encoder: expected " + p.patchesPerFrame() + " tokens of " + p.featureDim()
                    + " dims (what the model was trained on), got " + encoder.tokens() + " of " + encoder.dim());
        }
        if (actionLow == null || actionHigh == null || actionLow.length != p.actionDim() || actionHigh.length != p.actionDim()) {
            throw new IllegalArgumentException("actionLow/actionHigh: expected length " + p.actionDim() + ", got "
                    + (actionLow == null ? "null" : actionLow.length) + " and " + (actionHigh == null ? "null" : actionHigh.length));
        }
        this.encoder = encoder;
        this.rollout = new WorldModelRollout(model, normalization);
        if (models.size() == 1) {
            this.imagination = rollout;
        } else {
            List<WorldModelRollout> members = new ArrayList<>(models.size());
            members.add(rollout);
            for (WorldModel member : models.subList(1, models.size())) {
                members.add(new WorldModelRollout(member, normalization));
            }
            this.imagination = new EnsembleRollout(members);
        }
        this.config = config;
        this.low = actionLow.clone();
        this.high = actionHigh.clone();
        this.frameskip = p.frameskip();
        this.actionDim = p.actionDim();
        this.historyFrames = p.historyFrames();
        this.usesProprio = p.proprioDim() > 0;
        this.manager = NDManager.newBaseManager();
        PlannerConfig plannerConfig = PlannerConfig.forFrameSteps(config.horizon(), actionLow, actionHigh, frameskip,
                normalization.frameActionMean(frameskip), normalization.frameActionStd(frameskip));
        TrajectoryPlanner planner = new TrajectoryPlanner(plannerConfig,
                config.planner().create(config.samples(), config.iterations(), config.initSigma(), config.seed()));
        boolean zSpace = model.config().usesRepo();
        float alpha = p.proprioDim() > 0 ? config.proprioWeight() : 0f;
        AgentConfig effective = config.withProprioWeight(alpha);
        this.mpc = new MpcController<>(planner, (observation, m) -> context(m),
                context -> {
                    NDManager m = context.getManager();
                    NDArray goal = m.create(goalFeatures, new Shape(p.patchesPerFrame(), p.featureDim()));
                    Goal g = rollout.goal(goal, alpha > 0 ? goalProprio : null);
                    return new GoalDistanceObjective(imagination, context, g, effective.objective(zSpace));
                },
                new MpcConfig(config.executeSteps()), manager);
    }

    public AgentConfig config() {
        return config;
    }

    /** The (first) model's rollout: contexts, goals and the statistics. */
    public WorldModelRollout rollout() {
        return rollout;
    }

    /** What the agent plans with: the model's rollout, or the ensemble of all models. */
    public RolloutModel imagination() {
        return imagination;
    }

    /** Environment actions per model step, k. */
    public int frameskip() {
        return frameskip;
    }

    /** The most recent plan (world-unit model actions, cost, trace, seconds), or null before the first. */
    public Plan lastPlan() {
        return mpc.lastPlan();
    }

    /** Plans made since construction. */
    public int replans() {
        return mpc.replans();
    }

    @Override
    public void reset(Observation goal) {
        if (goal == null) {
            throw new IllegalArgumentException("goal: expected a goal observation, got null");
        }
        goalFeatures = encodeFrame(goal.frame());
        goalProprio = goal.proprio().clone();
        pastFeatures.clear();
        pastProprio.clear();
        pastActions.clear();
        expectedProprio = null;
        mpc.reset();
    }

    /**
     * Plans from {@code current} and returns the next executeSteps·k environment actions, rows of A values in
     * world units, clipped to the bounds.
     */
    @Override
    public double[][] act(Observation current) {
        if (goalFeatures == null) {
            throw new IllegalStateException("goal: call reset(goal) before act");
        }
        if (current == null) {
            throw new IllegalArgumentException("current: expected an observation, got null");
        }
        currentFeatures = encodeFrame(current.frame());
        currentProprio = current.proprio().clone();
        List<double[]> rows = new ArrayList<>();
        float[] firstModelAction = null;
        for (int s = 0; s < config.executeSteps(); s++) {
            float[] modelAction = mpc.act(current);
            if (s == 0) {
                firstModelAction = modelAction;
            }
            rows.addAll(unpack(modelAction));
        }
        expectedProprio = forecast(rows);
        remember(firstModelAction);
        return rows.toArray(new double[0][]);
    }

    @Override
    public float[] expectedProprio() {
        return expectedProprio == null ? null : expectedProprio.clone();
    }

    /**
     * The proprio (world units) the model imagines after the clipped environment actions {@code rows} (whole model
     * steps) from the current context: one rollout of a single sequence, next to the planner's N·iterations.
     */
    private float[] forecast(List<double[]> rows) {
        if (!usesProprio) {
            return null;
        }
        int steps = rows.size() / frameskip;
        float[] actions = new float[steps * frameskip * actionDim];
        for (int r = 0; r < steps * frameskip; r++) {
            for (int d = 0; d < actionDim; d++) {
                actions[r * actionDim + d] = (float) rows.get(r)[d];
            }
        }
        try (NDManager m = manager.newSubManager()) {
            NDArray imagined = imagination.imagine(context(m), m.create(actions, new Shape(1, steps, (long) frameskip * actionDim))).proprio();
            int p = (int) imagined.getShape().get(2);
            float[] all = imagined.toFloatArray();
            return rollout.normalization().denormalizeProprio(Arrays.copyOfRange(all, all.length - p, all.length));
        }
    }

    /** One model action (k·A) as k clipped environment actions (A each). */
    List<double[]> unpack(float[] modelAction) {
        if (modelAction.length != frameskip * actionDim) {
            throw new IllegalStateException("plan: expected model actions of " + frameskip * actionDim + " values, got "
                    + modelAction.length);
        }
        List<double[]> rows = new ArrayList<>(frameskip);
        for (int j = 0; j < frameskip; j++) {
            double[] row = new double[actionDim];
            for (int d = 0; d < actionDim; d++) {
                float v = modelAction[j * actionDim + d];
                if (!Float.isFinite(v)) {
                    throw new IllegalStateException("plan: action " + j + " dimension " + d + " is not finite (" + v + ")");
                }
                row[d] = Math.max(low[d], Math.min(high[d], v));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Keeps the current frame and the model action executed after it as history, when frames are one step apart. */
    private void remember(float[] executed) {
        if (historyFrames < 2 || config.executeSteps() != 1) {
            return;
        }
        pastFeatures.addLast(currentFeatures);
        pastProprio.addLast(currentProprio);
        pastActions.addLast(executed);
        while (pastFeatures.size() > historyFrames - 1) {
            pastFeatures.removeFirst();
            pastProprio.removeFirst();
            pastActions.removeFirst();
        }
    }

    /** The model context (h, n·C + P + k·A) of the remembered frames plus the current one, in {@code m}. */
    private NDArray context(NDManager m) {
        int h = pastFeatures.size() + 1;
        int n = encoder.tokens();
        int d = encoder.dim();
        List<NDArray> frames = new ArrayList<>(h);
        for (float[] f : pastFeatures) {
            frames.add(m.create(f, new Shape(1, n, d)));
        }
        frames.add(m.create(currentFeatures, new Shape(1, n, d)));
        NDArray features = frames.size() == 1 ? frames.get(0) : NDArrays.concat(new NDList(frames), 0);
        float[][] proprio = new float[h][];
        int i = 0;
        for (float[] p : pastProprio) {
            proprio[i++] = p;
        }
        proprio[h - 1] = currentProprio;
        float[][] actions = h == 1 ? null : pastActions.toArray(new float[0][]);
        return rollout.context(features, usesProprio ? proprio : null, actions);
    }

    /** Patch features (N·D values) of one frame, computed in a scratch manager. */
    private float[] encodeFrame(Frame frame) {
        try (NDManager m = manager.newSubManager()) {
            NDArray pixels = FramePixels.toBatch(m, List.of(frame), encoder.inputHeight(), encoder.inputWidth());
            return encoder.encode(pixels).toFloatArray();
        }
    }

    /** The manager planning runs in (tests count its arrays). */
    NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}
