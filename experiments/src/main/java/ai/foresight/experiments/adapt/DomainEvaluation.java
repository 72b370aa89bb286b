package ai.foresight.experiments.adapt;

import ai.foresight.datasets.env.Env;
import ai.foresight.encoders.PatchEncoder;
import ai.foresight.experiments.eval.EpisodeRecord;
import ai.foresight.experiments.eval.EvaluationSummary;
import ai.foresight.experiments.eval.FixedBudgetEvaluator;
import ai.foresight.experiments.evaluate.EvalSpec;
import ai.foresight.planner.agent.GoalReachingAgent;
import ai.foresight.worldmodel.WorldModel;
import ai.foresight.worldmodel.data.DataNormalization;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Closed-loop goal reaching in any world with any encoder in front of the model, under the fixed-budget
 * protocol ({@link FixedBudgetEvaluator}, {@link GoalReachingAgent}, the settings of an {@link EvalSpec}):
 * what {@code foresight adapt} runs three times — the model's own world, the target world with the frozen
 * encoder, and the target world with the adapted one — on the same start/goal pairs.
 */
public final class DomainEvaluation {
    private DomainEvaluation() {}

    /**
     * @param env the world to act in (the agent sees only its observations)
     * @param encoder the encoder in front of the model (frozen or adapted)
     * @param progress told the number of finished pairs
     */
    public static EvaluationSummary run(Env env, PatchEncoder encoder, WorldModel model, DataNormalization normalization,
            EvalSpec spec, IntConsumer progress) {
        int budget = spec.effectiveBudget(model.config().predictor().frameskip());
        FixedBudgetEvaluator evaluator = new FixedBudgetEvaluator(
                new FixedBudgetEvaluator.Settings(spec.pairs(), budget, spec.protocolSeed(), 0));
        List<EpisodeRecord> records;
        try (GoalReachingAgent agent = new GoalReachingAgent(encoder, model, normalization, env.spec().actionLow(),
                env.spec().actionHigh(), spec.agentConfig())) {
            records = evaluator.run(env, agent, progress);
        }
        return EvaluationSummary.of(env.spec().name(), records);
    }
}
