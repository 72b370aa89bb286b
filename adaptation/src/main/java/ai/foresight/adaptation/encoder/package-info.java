/**
 * The adapted encoder: a frozen {@code PatchEncoder} wrapped by identity-initialised adapters
 * ({@link ai.foresight.adaptation.encoder.ColorAdapter} on the pixels,
 * {@link ai.foresight.adaptation.encoder.FeatureAdapter} on the patch features) as an
 * {@link ai.foresight.adaptation.encoder.AdaptedPatchEncoder}, itself a {@code PatchEncoder}.
 */
package ai.foresight.adaptation.encoder;
