/**
 * Training windows for latent dynamics models: {@link ai.foresight.datasets.window.WindowSampler}
 * cuts H + n frames spaced k steps apart with the k actions between frames concatenated, splits by
 * episode ({@link ai.foresight.datasets.window.EpisodeSplit}), shuffles per epoch by seed and
 * normalises actions and proprio ({@link ai.foresight.datasets.window.Normalizer}); batches are plain
 * Java arrays ({@link ai.foresight.datasets.window.WindowBatch}).
 */
package ai.foresight.datasets.window;
