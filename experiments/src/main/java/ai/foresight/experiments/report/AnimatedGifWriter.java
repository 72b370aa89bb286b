package ai.foresight.experiments.report;

import ai.foresight.datasets.store.AtomicFileWriter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes frames as an animated GIF with the JDK's own GIF encoder ({@code javax.imageio}): each frame
 * shown for {@link Options#delayMillis()}, looping forever when {@link Options#loop()} (the NETSCAPE2.0
 * application extension browsers honour). Colours are reduced to a 256-entry palette per frame.
 */
public final class AnimatedGifWriter {
    private static final String GIF_METADATA = "javax_imageio_gif_image_1.0";

    /**
     * @param delayMillis time each frame is shown, 10..10000 ms (GIF stores hundredths of a second)
     * @param loop whether the animation repeats forever
     */
    public record Options(int delayMillis, boolean loop) {
        public Options {
            if (delayMillis < 10 || delayMillis > 10_000) {
                throw new IllegalArgumentException("delayMillis: expected 10..10000, got " + delayMillis);
            }
        }

        /** 10 frames per second, looping: the control rate of the built-in worlds. */
        public static Options defaults() {
            return new Options(100, true);
        }
    }

    private final Options options;

    public AnimatedGifWriter(Options options) {
        this.options = options;
    }

    /**
     * Writes {@code frames} (all the same size) to {@code file} atomically.
     *
     * @throws IllegalArgumentException if there are no frames or their sizes differ
     */
    public void write(List<BufferedImage> frames, Path file) throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("frames: expected at least one frame");
        }
        int w = frames.get(0).getWidth();
        int h = frames.get(0).getHeight();
        for (int i = 1; i < frames.size(); i++) {
            BufferedImage frame = frames.get(i);
            if (frame.getWidth() != w || frame.getHeight() != h) {
                throw new IllegalArgumentException("frames[" + i + "]: expected " + w + "x" + h + ", got "
                        + frame.getWidth() + "x" + frame.getHeight());
            }
        }
        AtomicFileWriter.writeFile(file, tmp -> writeFrames(frames, tmp));
    }

    private void writeFrames(List<BufferedImage> frames, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage frame = frames.get(i);
                IIOMetadata metadata = frameMetadata(writer, frame, param, i == 0);
                writer.writeToSequence(new IIOImage(frame, null, metadata), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    private IIOMetadata frameMetadata(ImageWriter writer, BufferedImage frame, ImageWriteParam param, boolean first)
            throws IOException {
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), param);
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(GIF_METADATA);

        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(Math.round(options.delayMillis() / 10f)));
        control.setAttribute("transparentColorIndex", "0");

        if (first && options.loop()) {
            IIOMetadataNode extensions = child(root, "ApplicationExtensions");
            IIOMetadataNode netscape = new IIOMetadataNode("ApplicationExtension");
            netscape.setAttribute("applicationID", "NETSCAPE");
            netscape.setAttribute("authenticationCode", "2.0");
            netscape.setUserObject(new byte[] {1, 0, 0}); // sub-block 1, loop count 0 = forever
            extensions.appendChild(netscape);
        }
        metadata.setFromTree(GIF_METADATA, root);
        return metadata;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
