package ai.foresight.experiments.evaluate;

import ai.djl.ndarray.NDManager;
import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.env.EnvSpec;
import ai.foresight.datasets.worlds.Worlds;
import ai.foresight.experiments.eval.EpisodeRecord;
import ai.foresight.experiments.eval.EvaluationSummary;
import ai.foresight.experiments.eval.FixedBudgetEvaluator;
import ai.foresight.experiments.eval.TrueDynamicsAgent;
import ai.foresight.experiments.pipeline.TrainedModel;
import ai.foresight.planner.agent.GoalReachingAgent;
import ai.foresight.worldmodel.PredictorConfig;
import ai.foresight.worldmodel.WorldModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Evaluates a trained model's goal-reaching agent in closed loop under the fixed-budget protocol
 * ({@link FixedBudgetEvaluator}) and writes the report: the DINO-WM planning experiment (Zhou et al. 2024),
 * without its peek at the simulator.
 */
public final class PlanningEvaluation {
    /**
     * @param summary success rate with its Wilson interval, final distance, planning time
     * @param records every episode
     * @param budget environment steps each episode ran
     * @param report the HTML report
     * @param seconds wall time of the episodes (planning and simulation)
     */
    public record Outcome(EvaluationSummary summary, List<EpisodeRecord> records, int budget, Path report, double seconds) {}

    private PlanningEvaluation() {}

    /**
     * @param reportDir where the report goes
     * @param progress told the number of finished pairs
     */
    public static Outcome run(TrainedModel model, EvalSpec spec, Path reportDir, IntConsumer progress) throws IOException {
        Env env = Worlds.create(spec.world(), model.manifest().frameSize());
        EnvSpec world = env.spec();
        PredictorConfig p = model.worldModel().config().predictor();
        if (world.actionDim() != p.actionDim() || world.proprioDim() != model.normalization().proprioDim()) {
            throw new IllegalArgumentException("world: '" + spec.world() + "' has " + world.actionDim() + " action and "
                    + world.proprioDim() + " proprio dimensions; the model (trained on '" + model.world() + "') expects "
                    + p.actionDim() + " and " + model.normalization().proprioDim());
        }
        int budget = spec.effectiveBudget(p.frameskip());
        FixedBudgetEvaluator evaluator = new FixedBudgetEvaluator(
                new FixedBudgetEvaluator.Settings(spec.pairs(), budget, spec.protocolSeed(), Math.min(spec.gifs(), spec.pairs())));
        long start = System.nanoTime();
        List<EpisodeRecord> records;
        if (spec.trueDynamics()) {
            Env simulator = Worlds.create(spec.world(), model.manifest().frameSize());
            try (TrueDynamicsAgent agent = new TrueDynamicsAgent(simulator, env::state, env::goal, p.frameskip(), model.normalization(),
                    spec.agentConfig())) {
                records = evaluator.run(env, agent, progress);
            }
        } else {
            List<TrainedModel> members = new ArrayList<>();
            try (NDManager manager = NDManager.newBaseManager()) {
                List<WorldModel> models = new ArrayList<>(List.of(model.worldModel()));
                for (Path dir : spec.ensemble()) {
                    TrainedModel member = TrainedModel.load(dir, manager);
                    members.add(member);
                    model.checkEnsembleMember(member);
                    models.add(member.worldModel());
                }
                try (GoalReachingAgent agent = new GoalReachingAgent(model.encoder(), models, model.normalization(),
                        world.actionLow(), world.actionHigh(), spec.agentConfig())) {
                    records = evaluator.run(env, agent, progress);
                }
            } finally {
                for (TrainedModel member : members) {
                    member.close();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        EvaluationSummary summary = EvaluationSummary.of(spec.world(), records);
        Path report = EvaluationReport.write(reportDir, model.manifest(), model.directory(), spec, budget, world.successThreshold(),
                summary, records);
        return new Outcome(summary, records, budget, report, seconds);
    }
}
