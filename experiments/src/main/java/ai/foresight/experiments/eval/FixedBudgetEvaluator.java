package ai.foresight.experiments.eval;

import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.env.Observation;
import ai.foresight.datasets.image.Frame;
import ai.foresight.planner.agent.Controller;
import ai.foresight.planner.agent.ForecastingController;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The fixed-budget closed-loop protocol (DESIGN.md, "Evaluation protocol"): each start/goal pair
 * comes from a seed derived from one protocol seed; the controller sees only observations; an
 * episode runs exactly {@code budget} environment steps whether or not it succeeds; success is
 * judged on the final state. DINO-WM's published loop instead replans until success and checks the
 * simulator inside CEM, which inflates its numbers.
 */
public final class FixedBudgetEvaluator {

    /**
     * @param pairs number of start/goal pairs (50 by protocol)
     * @param budget environment steps per episode
     * @param protocolSeed seed the pair seeds derive from
     * @param recordFrames how many of the first pairs keep their frames (for GIFs)
     */
    public record Settings(int pairs, int budget, long protocolSeed, int recordFrames) {
        public Settings {
            if (pairs < 1) {
                throw new IllegalArgumentException("pairs: expected at least 1, got " + pairs);
            }
            if (budget < 1) {
                throw new IllegalArgumentException("budget: expected at least 1 step, got " + budget);
            }
            if (recordFrames < 0) {
                throw new IllegalArgumentException("recordFrames: expected >= 0, got " + recordFrames);
            }
        }
    }

    private final Settings settings;

    public FixedBudgetEvaluator(Settings settings) {
        this.settings = settings;
    }

    /** The reset seed of pair {@code i}: fixed by the protocol seed, independent of everything else. */
    public long pairSeed(int i) {
        return settings.protocolSeed() * 1_000_003L + 7919L * i + 1;
    }

    /**
     * Evaluates {@code controller} on {@code env}.
     *
     * @param progress called with the number of pairs finished
     */
    public List<EpisodeRecord> run(Env env, Controller controller, IntConsumer progress) {
        List<EpisodeRecord> records = new ArrayList<>();
        for (int i = 0; i < settings.pairs(); i++) {
            records.add(runPair(env, controller, i));
            progress.accept(i + 1);
        }
        return records;
    }

    private EpisodeRecord runPair(Env env, Controller controller, int index) {
        long seed = pairSeed(index);
        Observation obs = env.reset(seed);
        Observation goal = env.goalObservation();
        boolean record = index < settings.recordFrames();
        List<Frame> frames = new ArrayList<>();
        if (record) {
            frames.add(obs.frame());
        }
        double[] distances = new double[settings.budget() + 1];
        distances[0] = env.distanceToGoal(env.state());
        List<Double> planSeconds = new ArrayList<>();
        List<Double> forecastErrors = new ArrayList<>();
        controller.reset(goal);
        int step = 0;
        while (step < settings.budget()) {
            long t0 = System.nanoTime();
            double[][] chunk = controller.act(obs);
            planSeconds.add((System.nanoTime() - t0) / 1e9);
            if (chunk == null || chunk.length == 0) {
                throw new IllegalStateException("controller returned no actions at step " + step);
            }
            int chunkStart = step;
            for (int j = 0; j < chunk.length && step < settings.budget(); j++) {
                obs = env.step(chunk[j]).observation();
                step++;
                distances[step] = env.distanceToGoal(env.state());
                if (record) {
                    frames.add(obs.frame());
                }
            }
            if (step - chunkStart == chunk.length && controller instanceof ForecastingController forecaster) {
                float[] expected = forecaster.expectedProprio();
                if (expected != null) {
                    forecastErrors.add(distance(expected, obs.proprio()));
                }
            }
        }
        double[] state = env.state();
        return new EpisodeRecord(index, seed, env.isSuccess(state), env.distanceToGoal(state), distances,
                planSeconds.stream().mapToDouble(Double::doubleValue).toArray(), List.copyOf(frames), goal.frame(),
                forecastErrors.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Euclidean distance between a forecast and the observed proprio. */
    static double distance(float[] expected, float[] observed) {
        if (expected.length != observed.length) {
            throw new IllegalStateException("forecast: expected " + observed.length + " proprio values, got " + expected.length);
        }
        double sum = 0;
        for (int i = 0; i < expected.length; i++) {
            double d = expected[i] - observed[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}
