/**
 * The feature cache: {@link ai.foresight.encoders.cache.FeatureCache} encodes every frame of a
 * {@link ai.foresight.encoders.FrameSource} once, stores (T, N, D) features per episode as numpy
 * {@code .npy} (float32 or float16), keyed by encoder id and dataset checksum, and rebuilds when
 * either changes.
 */
package ai.foresight.encoders.cache;
