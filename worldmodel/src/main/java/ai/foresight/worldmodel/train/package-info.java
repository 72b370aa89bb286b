/**
 * Training: the {@link ai.foresight.worldmodel.train.FeatureWindows} data interface, the loss with named terms,
 * the {@link ai.foresight.worldmodel.train.Trainer} (AdamW, warm-up cosine, clipping, exact resume, JSONL
 * metrics, progress callback), validation against the copy-last-frame baseline, and a synthetic
 * linear-dynamics dataset for tests and smoke runs.
 */
package ai.foresight.worldmodel.train;
