/**
 * Encoders by name, for jobs and the server: {@link ai.foresight.encoders.catalog.Encoders#load} turns
 * {@code default} (the shipped DINO checkpoint), {@code random-<preset>} (a seeded untrained ViT, the
 * baseline), an encoder folder or a TorchScript {@code .pt} file into a frozen
 * {@link ai.foresight.encoders.PatchEncoder}.
 */
package ai.foresight.encoders.catalog;
