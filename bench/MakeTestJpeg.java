import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Writes a photo-like JPEG of the given size for the rendition benchmark: gradients and noise, so
 * that it compresses like a photograph rather than like a flat test card.
 * Usage: java MakeTestJpeg.java out.jpg 4000 3000
 */
public class MakeTestJpeg {
    public static void main(String[] args) throws Exception {
        int width = Integer.parseInt(args[1]);
        int height = Integer.parseInt(args[2]);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(40, 70, 120), width, height, new Color(230, 190, 120)));
        g.fillRect(0, 0, width, height);
        g.dispose();
        Random noise = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                int n = noise.nextInt(31) - 15;
                int r = clamp(((rgb >> 16) & 0xff) + n), gr = clamp(((rgb >> 8) & 0xff) + n), b = clamp((rgb & 0xff) + n);
                image.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        ImageIO.write(image, "jpeg", new File(args[0]));
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
