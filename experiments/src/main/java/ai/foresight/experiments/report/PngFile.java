package ai.foresight.experiments.report;

import ai.foresight.datasets.store.AtomicFileWriter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes report images as PNG files, atomically. */
public final class PngFile {
    private PngFile() {}

    public static void write(BufferedImage image, Path file) throws IOException {
        AtomicFileWriter.writeFile(file, tmp -> {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available in this JVM");
            }
        });
    }
}
