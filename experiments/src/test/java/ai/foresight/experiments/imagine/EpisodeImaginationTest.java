package ai.foresight.experiments.imagine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.foresight.datasets.image.Frame;
import ai.foresight.encoders.FramePixels;
import ai.foresight.worldmodel.WorldModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpisodeImaginationTest {
    @TempDir
    Path tmp;

    @Test
    void aCopyLastFrameModelHasExactlyTheBaselineErrorOnTheRightFrames() throws IOException {
        try (ImagineFixture f = new ImagineFixture(tmp.resolve("data"));
                WorldModel model = f.copyLastModel(true)) {
            EpisodeImagination imagination = new EpisodeImagination(f.encoder, model, f.normalization);
            assertEquals(8, imagination.maxSteps(f.episode, 0)); // 20 frames, k = 2, history 2: context 0, 2; targets 4..18
            ImaginedEpisode e = imagination.imagine(f.episode, 0, 8, f.manager);
            assertArrayEquals(new int[] {0, 2}, e.contextFrames());
            assertArrayEquals(new int[] {4, 6, 8, 10, 12, 14, 16, 18}, e.targetFrames());
            assertEquals(8, e.imagined().size());
            assertEquals(16, e.imagined().get(0).height());
            for (int s = 0; s < 8; s++) {
                assertArrayEquals(f.episode.frame(e.targetFrames()[s]).data(), e.real().get(s).data());
                assertEquals(e.copyLastError()[s], e.latentError()[s], 1e-9, "step " + s);
            }
            assertTrue(e.copyLastError()[7] > 0, "the agent moves, so the last frame is not the future");
            // the decoder's view of step 3's real frame, computed here on its own
            try (NDManager m = f.manager.newSubManager()) {
                Frame target = f.episode.frame(10);
                NDArray pixels = FramePixels.toBatch(m, List.of(target), 32, 32);
                NDArray latent = model.encode(f.encoder.encode(pixels));
                float[] rendered = model.render(latent).toFloatArray();
                byte[] got = e.decodedReal().get(3).data();
                assertEquals(Math.round(255 * rendered[0]), got[0] & 0xFF); // channel 0 of pixel (0, 0)
                assertEquals(Math.round(255 * rendered[256 + 17]), got[17 * 3 + 1] & 0xFF); // channel 1 of pixel (1, 1)
            }
        }
    }

    @Test
    void aModelThatMovesDepartsFromTheBaselineAndStartLaterShiftsTheFrames() throws IOException {
        try (ImagineFixture f = new ImagineFixture(tmp.resolve("data"));
                WorldModel model = f.movingModel()) {
            EpisodeImagination imagination = new EpisodeImagination(f.encoder, model, f.normalization);
            ImaginedEpisode e = imagination.imagine(f.episode, 3, 4, f.manager);
            assertArrayEquals(new int[] {3, 5}, e.contextFrames());
            assertArrayEquals(new int[] {7, 9, 11, 13}, e.targetFrames());
            assertNotEquals(e.copyLastError()[0], e.latentError()[0], 1e-6);
        }
    }

    @Test
    void missingDecoderAndTooManyStepsAreExplained() throws IOException {
        try (ImagineFixture f = new ImagineFixture(tmp.resolve("data"));
                WorldModel plain = f.copyLastModel(false);
                WorldModel model = f.copyLastModel(true)) {
            IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                    () -> new EpisodeImagination(f.encoder, plain, f.normalization));
            assertTrue(none.getMessage().startsWith("model: this world model has no pixel decoder"), none.getMessage());
            EpisodeImagination imagination = new EpisodeImagination(f.encoder, model, f.normalization);
            IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                    () -> imagination.imagine(f.episode, 0, 9, f.manager));
            assertTrue(tooMany.getMessage().startsWith("steps: expected 1..8 for an episode of 20 frames from frame 0"),
                    tooMany.getMessage());
        }
    }
}
