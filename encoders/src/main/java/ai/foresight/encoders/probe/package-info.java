/**
 * Probing frozen features: {@link ai.foresight.encoders.probe.RidgeProbe} fits a closed-form ridge
 * regression from pooled or flattened patch features to ground-truth state and reports held-out R²
 * per state dimension.
 */
package ai.foresight.encoders.probe;
