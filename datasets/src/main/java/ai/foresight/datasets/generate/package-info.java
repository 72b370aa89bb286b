/**
 * Dataset generation: {@link ai.foresight.datasets.generate.DatasetGenerator} rolls a world's
 * collection policy (optionally behind distractors) for a {@link ai.foresight.datasets.generate.GenerateSpec},
 * in parallel workers, with every episode's seeds derived from the master seed
 * ({@link ai.foresight.datasets.generate.EpisodeSeeds}), so an interrupted run resumes to the same bytes.
 */
package ai.foresight.datasets.generate;
