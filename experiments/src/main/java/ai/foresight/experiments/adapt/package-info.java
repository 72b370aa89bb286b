/**
 * Plumbing of {@code foresight adapt} (RePo's test-time alignment as a job): checking that a target dataset
 * belongs to the model's world ({@link ai.foresight.experiments.adapt.DomainCheck}), building the target world
 * ({@link ai.foresight.experiments.adapt.TargetWorld}), the alignment loop over datasets with its curves
 * ({@link ai.foresight.experiments.adapt.AdaptationRun}, {@link ai.foresight.experiments.adapt.AlignmentCurves}),
 * closed-loop evaluation with any encoder ({@link ai.foresight.experiments.adapt.DomainEvaluation}), the
 * adapted files ({@link ai.foresight.experiments.adapt.AdaptedFiles}) and the report. The algorithm itself is
 * in the {@code adaptation} module.
 */
package ai.foresight.experiments.adapt;
