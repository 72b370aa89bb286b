/**
 * Where world-model training data comes from on disk: {@link ai.foresight.worldmodel.data.CachedFeatureWindows}
 * joins a recorded dataset (actions, proprio, rewards, cut into windows by the datasets window sampler) with
 * the frozen encoder's cached patch features, and {@link ai.foresight.worldmodel.data.DataNormalization} keeps
 * the action/proprio standardisation a model was trained with.
 */
package ai.foresight.worldmodel.data;
