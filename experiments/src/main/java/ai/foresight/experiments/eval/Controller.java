package ai.foresight.experiments.eval;

/**
 * What the evaluation loop drives. The contract now lives in the planner module
 * ({@link ai.foresight.planner.agent.Controller}) so that the planning agent implements it directly; this
 * name is kept for code written against the experiments package, and {@link FixedBudgetEvaluator} accepts
 * either.
 */
public interface Controller extends ai.foresight.planner.agent.Controller {}
