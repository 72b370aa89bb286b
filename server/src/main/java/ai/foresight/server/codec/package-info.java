/**
 * Turning untrusted client bytes into checked model inputs, shared by the JSON and the msgpack front ends:
 * PNG/JPEG or raw (H, W, 3) arrays into {@link ai.foresight.datasets.image.Frame}s of the model's size, and number
 * lists into finite float vectors. Every rejection is an {@link ai.foresight.server.core.ApiException} naming the
 * field and what was expected; nothing here trusts a declared size before checking it against the model.
 */
package ai.foresight.server.codec;
