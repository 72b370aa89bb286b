/**
 * Procedural, seeded distractors and domain shifts (RePo's spurious variations): moving shapes,
 * drifting texture and a noisy TV painted behind the scene (on pixels of the world's background
 * colour, see {@link ai.foresight.datasets.shift.BackgroundMask}; the three share the per-episode
 * seeding of {@code BackgroundDistractor}), and colour and lighting shifts of the whole frame.
 * {@link ai.foresight.datasets.shift.Shifts} builds them by id;
 * {@link ai.foresight.datasets.shift.DistractedEnv} wraps any world and keeps the clean frame of the
 * same state available.
 */
package ai.foresight.datasets.shift;
