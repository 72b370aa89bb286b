package ai.foresight.datasets.worlds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RasterTest {
    private static final int[] WHITE = {255, 255, 255};

    /** Total coverage of a white shape on black, in pixels. */
    private static double coverage(byte[] rgb) {
        double sum = 0;
        for (int i = 0; i < rgb.length; i += 3) {
            sum += (rgb[i] & 0xFF) / 255.0;
        }
        return sum;
    }

    @Test
    void rectangleCoverageIsItsExactArea() {
        byte[] rgb = new byte[32 * 32 * 3];
        new Raster(rgb, 32, 32).fillRect(3.25, 4.5, 20.75, 11.1, WHITE);
        assertEquals((20.75 - 3.25) * (11.1 - 4.5), coverage(rgb), 32 * 32 * 0.5 / 255); // rounding per pixel
    }

    @Test
    void adjacentDisjointRectanglesLeaveNoSeam() {
        byte[] rgb = new byte[32 * 32 * 3];
        double cell = 32 / 5.0; // 6.4 px cells, edges off the pixel grid
        double[][] rects = new double[5][];
        for (int c = 0; c < 5; c++) {
            rects[c] = new double[] {c * cell, 0, (c + 1) * cell, cell};
        }
        new Raster(rgb, 32, 32).fillDisjointRects(rects, WHITE);
        for (int j = 0; j < 32; j++) {
            assertEquals(255, rgb[(2 * 32 + j) * 3] & 0xFF, "row 2 column " + j + " fully covered");
        }
        assertEquals(32 * cell, coverage(rgb), 32 * 0.5 / 255 + 1e-9);
    }

    @Test
    void circleCoverageIsCloseToPiRSquared() {
        byte[] rgb = new byte[64 * 64 * 3];
        new Raster(rgb, 64, 64).fillCircle(30.3, 31.7, 12.4, WHITE);
        assertEquals(Math.PI * 12.4 * 12.4, coverage(rgb), 0.01 * Math.PI * 12.4 * 12.4);
    }

    @Test
    void rotatedPolygonUnionCoversItsAreaWithoutASeam() {
        byte[] rgb = new byte[64 * 64 * 3];
        double c = Math.cos(0.4), s = Math.sin(0.4);
        // two 20x10 rectangles sharing an edge, rotated about (32, 32): one 40x10 rectangle
        double[][] xs = new double[2][4], ys = new double[2][4];
        double[][] local = {{-20, 0, 0, -20}, {0, 20, 20, 0}};
        double[] ly = {-5, -5, 5, 5};
        for (int k = 0; k < 2; k++) {
            for (int v = 0; v < 4; v++) {
                xs[k][v] = 32 + c * local[k][v] - s * ly[v];
                ys[k][v] = 32 + s * local[k][v] + c * ly[v];
            }
        }
        new Raster(rgb, 64, 64).fillConvexUnion(xs, ys, WHITE);
        assertEquals(400, coverage(rgb), 4);
        int centre = (32 * 64 + 32) * 3; // pixel whose corner sits on the shared edge
        assertEquals(255, rgb[centre] & 0xFF);
        assertEquals(255, rgb[((31) * 64 + 31) * 3] & 0xFF);
    }

    @Test
    void gaussianBlobPeaksAtItsCentreAndIsSeparable() {
        byte[] rgb = new byte[16 * 16 * 3];
        new Raster(rgb, 16, 16).addGaussianBlob(8.0, 8.0, 1.7, WHITE);
        int peak = rgb[(7 * 16 + 7) * 3] & 0xFF;
        assertEquals(Math.round(255 * Math.exp(-(0.25 + 0.25) / (2 * 1.7 * 1.7))), peak); // pixel centre (7.5, 7.5)
        int off = rgb[(7 * 16 + 10) * 3] & 0xFF; // 2.5 px to the right of the centre pixel row
        assertEquals(Math.round(255 * Math.exp(-(0.25 + 6.25) / (2 * 1.7 * 1.7))), off, 1);
    }
}
