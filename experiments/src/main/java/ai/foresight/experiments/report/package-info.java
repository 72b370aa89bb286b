/**
 * Reusable pictures for job reports: frames as images with nearest-neighbour enlargement and
 * side-by-side composition ({@link ai.foresight.experiments.report.FrameImage}), looping animated
 * GIFs ({@link ai.foresight.experiments.report.AnimatedGifWriter}), captioned contact sheets
 * ({@link ai.foresight.experiments.report.ContactSheet}), PNG files, and the GIF + sheet of a recorded
 * episode ({@link ai.foresight.experiments.report.EpisodeReport}). Later jobs reuse them for imagined
 * vs real rollouts.
 */
package ai.foresight.experiments.report;
