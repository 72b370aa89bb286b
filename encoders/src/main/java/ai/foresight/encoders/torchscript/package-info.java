/**
 * Loading exported encoders: {@link ai.foresight.encoders.torchscript.TorchScriptPatchEncoder} runs a
 * TorchScript module (e.g. DINOv2 ViT-S/14 returning patch tokens) through DJL's PyTorch engine as a
 * frozen {@link ai.foresight.encoders.PatchEncoder}. ONNX is not supported: DJL's OnnxRuntime engine is
 * not part of the pinned stack.
 */
package ai.foresight.encoders.torchscript;
