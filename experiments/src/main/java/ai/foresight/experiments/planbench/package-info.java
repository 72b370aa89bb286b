/**
 * Planning benchmarks: how long one CEM plan takes on a world model ({@link
 * ai.foresight.experiments.planbench.PlanBenchmark}), its matmul FLOPs counted analytically ({@link
 * ai.foresight.experiments.planbench.PredictorFlops}) against an fp32 matmul peak measured in the same run,
 * how many evaluations iCEM or MPPI need to match CEM on the same reachable start/goal pairs, and where a
 * plan's time goes (GEMM, other ops, per-op dispatch, the optimiser itself).
 */
package ai.foresight.experiments.planbench;
