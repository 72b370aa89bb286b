package ai.foresight.encoders.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.foresight.encoders.PatchEncoder;
import ai.foresight.encoders.torchscript.TorchScriptPatchEncoder;
import ai.foresight.encoders.vit.VitConfig;
import ai.foresight.encoders.vit.VitPatchEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodersTest {
    @TempDir
    Path tmp;

    @Test
    void defaultIsTheShippedPretrainedEncoderAt64Pixels() throws IOException {
        if (!Encoders.hasDefault()) {
            // No checkpoint in this build (it is produced by `foresight pretrain-encoder` and committed as a
            // resource): asking for it must fail clearly, naming the missing files, never fall back silently.
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Encoders.load("default"));
            assertTrue(e.getMessage().contains("shipped checkpoint is missing"), e.getMessage());
            return;
        }
        try (PatchEncoder enc = Encoders.load("default");
                PatchEncoder untrained = Encoders.random("random-default", Device.cpu())) {
            VitPatchEncoder vit = assertInstanceOf(VitPatchEncoder.class, enc);
            assertEquals(VitConfig.defaults(), vit.config());
            assertEquals(64, enc.inputHeight());
            assertEquals(64, enc.tokens());
            assertTrue(enc.isFrozen());
            assertNotEquals(untrained.id(), enc.id(), "the shipped weights are not an untrained initialisation");
            try (PatchEncoder again = Encoders.load("default")) {
                assertEquals(enc.id(), again.id());
            }
        }
        for (String file : new String[] {"provenance.json", "README.md", "training_data.json"}) {
            assertTrue(Encoders.class.getResource(Encoders.DEFAULT_RESOURCE + file) != null, file + " ships beside the weights");
        }
    }

    @Test
    void randomEncodersAreSeededPresets() throws IOException {
        try (PatchEncoder a = Encoders.load("random-tiny");
                PatchEncoder b = Encoders.load("random-tiny:0");
                PatchEncoder c = Encoders.load("random-tiny:5");
                PatchEncoder d = Encoders.load("random-default")) {
            assertEquals(VitConfig.tiny(), ((VitPatchEncoder) a).config());
            assertEquals(a.id(), b.id(), "seed 0 when omitted");
            assertNotEquals(a.id(), c.id());
            assertEquals(VitConfig.defaults(), ((VitPatchEncoder) d).config());
            try (PatchEncoder like = Encoders.randomLike(d, 5, Device.cpu())) {
                assertEquals(VitConfig.defaults(), ((VitPatchEncoder) like).config());
            }
        }
    }

    @Test
    void loadsSavedFoldersAndPretrainRunFolders() throws IOException {
        String id;
        try (VitPatchEncoder enc = VitPatchEncoder.create(VitConfig.tiny(), 3, Device.cpu())) {
            enc.save(tmp.resolve("saved"));
            enc.save(tmp.resolve("run").resolve("encoder"));
            id = enc.id();
        }
        try (PatchEncoder saved = Encoders.load(tmp.resolve("saved").toString());
                PatchEncoder run = Encoders.load(tmp.resolve("run").toString())) {
            assertEquals(id, saved.id());
            assertEquals(id, run.id());
        }
    }

    @Test
    void loadsTorchScriptFilesWithAnOptionalSidecar() throws Exception {
        Path pt = tmp.resolve("tiny_vit.pt");
        Files.copy(Path.of(EncodersTest.class.getResource("/fixtures/tiny_vit.pt").toURI()), pt);
        Files.writeString(tmp.resolve("tiny_vit.pt.json"), "{\"input_size\": 28, \"patch_size\": 14, \"skip_tokens\": 0}");
        try (PatchEncoder enc = Encoders.load(pt.toString())) {
            assertInstanceOf(TorchScriptPatchEncoder.class, enc);
            assertEquals(28, enc.inputHeight());
            assertEquals(4, enc.tokens());
            assertEquals(24, enc.dim());
        }
        assertEquals(224, Encoders.torchScriptConfig(tmp.resolve("no_sidecar.pt")).inputSize(), "DINOv2-S/14 otherwise");
        Files.writeString(tmp.resolve("bad.pt.json"), "{\"normalization\": \"sepia\"}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Encoders.torchScriptConfig(tmp.resolve("bad.pt")));
        assertTrue(e.getMessage().contains("normalization: expected imagenet or identity, got 'sepia'"), e.getMessage());
    }

    @Test
    void anythingElseIsRefusedNamingTheValue() throws IOException {
        assertRefused("nonsense", "encoder 'nonsense': no such name, folder or file; expected 'default'");
        assertRefused("random-huge", "encoder 'random-huge': expected preset tiny or default after 'random-', got 'huge'");
        assertRefused("random-tiny:x", "encoder 'random-tiny:x': expected an integer seed after ':', got 'x'");
        Files.createDirectories(tmp.resolve("empty"));
        assertRefused(tmp.resolve("empty").toString(), "folder has no encoder.json");
        Files.writeString(tmp.resolve("notes.txt"), "hello");
        assertRefused(tmp.resolve("notes.txt").toString(), "notes.txt': not an encoder; expected");
        assertRefused(" ", "encoder: expected 'default'");
    }

    private static void assertRefused(String value, String expectedMessagePart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Encoders.load(value));
        assertTrue(e.getMessage().contains(expectedMessagePart), e.getMessage());
    }
}
