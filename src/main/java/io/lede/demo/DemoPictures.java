package io.lede.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/** Pictures for the demo stories, drawn in code so that nothing is borrowed. */
final class DemoPictures {

    private DemoPictures() {
    }

    /** A ferry on a grey sea under a stormy sky. */
    static BufferedImage harbour(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(image);
        g.setPaint(new GradientPaint(0, 0, new Color(70, 80, 95), 0, height * 0.6f, new Color(170, 180, 190)));
        g.fillRect(0, 0, width, (int) (height * 0.6));
        g.setPaint(new GradientPaint(0, height * 0.6f, new Color(60, 90, 110), 0, height, new Color(20, 40, 55)));
        g.fillRect(0, (int) (height * 0.6), width, height);
        g.setColor(new Color(240, 240, 235));
        int hullY = (int) (height * 0.55);
        g.fillPolygon(new int[] { width / 3, width * 2 / 3, width * 2 / 3 - width / 20, width / 3 + width / 30 },
                new int[] { hullY, hullY, hullY + height / 10, hullY + height / 10 }, 4);
        g.fillRect(width / 2 - width / 20, hullY - height / 12, width / 8, height / 12);
        g.setColor(new Color(200, 40, 40));
        g.fillRect(width / 2, hullY - height / 7, width / 40, height / 16);
        g.setColor(new Color(220, 225, 230, 160));
        g.setStroke(new BasicStroke(Math.max(1, width / 400f)));
        for (int i = 0; i < 12; i++) {
            int y = (int) (height * 0.65) + i * height / 30;
            g.drawLine(i * width / 13, y, i * width / 13 + width / 8, y);
        }
        g.dispose();
        return image;
    }

    /** A comet crossing a starry sky. */
    static BufferedImage comet(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(image);
        g.setPaint(new GradientPaint(0, 0, new Color(5, 8, 30), 0, height, new Color(25, 30, 70)));
        g.fillRect(0, 0, width, height);
        Random stars = new Random(42);
        g.setColor(Color.WHITE);
        for (int i = 0; i < width * height / 2500; i++) {
            int size = 1 + stars.nextInt(3);
            g.fillOval(stars.nextInt(width), stars.nextInt(height), size, size);
        }
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(180, 220, 255, Math.max(0, 200 - i * 5)));
            int x = width * 2 / 3 - i * width / 90;
            int y = height / 3 + i * height / 120;
            int r = Math.max(2, width / 60 - i / 4);
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
        }
        g.dispose();
        return image;
    }

    private static Graphics2D start(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return g;
    }
}
