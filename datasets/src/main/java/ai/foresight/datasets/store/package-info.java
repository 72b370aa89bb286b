/**
 * The episode store: a dataset is a directory with {@code dataset.json} (the
 * {@link ai.foresight.datasets.store.DatasetManifest}: world spec, generator settings and seed,
 * shapes and dtypes, action/proprio statistics, SHA-256 of every file) and
 * {@code episodes/ep-NNNNNN.npz}, numpy archives with {@code obs} (T, H, W, 3) uint8,
 * {@code obs_clean} (same, with distractors), {@code action} (T, A) float32, {@code proprio} (T, P)
 * float32, {@code state} (T, S) float64 and {@code reward} (T) float32, readable by
 * {@code numpy.load} as is.
 *
 * <p>{@link ai.foresight.datasets.store.DatasetWriter} writes each file atomically
 * ({@link ai.foresight.datasets.store.AtomicFileWriter}) and the manifest last;
 * {@link ai.foresight.datasets.store.Dataset} validates everything it reads and reports damage as a
 * {@link ai.foresight.datasets.store.CorruptDatasetException} naming the file and the field.
 */
package ai.foresight.datasets.store;
