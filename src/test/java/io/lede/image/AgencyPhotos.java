package io.lede.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * JPEGs carrying agency metadata, written here byte by byte as the standards lay it out: IPTC IIM
 * records (1:90 UTF-8, then 2:nnn datasets) in a Photoshop 3.0 APP13 block (resource 0x0404), and
 * an XMP packet in an APP1 segment, both right after the start marker.
 */
final class AgencyPhotos {

    /** IIM dataset numbers of record 2. */
    static final int BY_LINE = 80;
    static final int CREDIT = 110;
    static final int SOURCE = 115;
    static final int COPYRIGHT = 116;
    static final int CAPTION = 120;

    private AgencyPhotos() {
    }

    /** {@code jpeg} with an IIM block holding these datasets (record 2) and, when not null, this XMP packet. */
    static byte[] withMetadata(byte[] jpeg, Map<Integer, String> iim, String xmp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        if (xmp != null) {
            byte[] packet = xmp.getBytes(StandardCharsets.UTF_8);
            byte[] header = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII);
            segment(out, 0xE1, concat(header, packet));
        }
        if (!iim.isEmpty()) {
            ByteArrayOutputStream records = new ByteArrayOutputStream();
            // 1:90 coded character set: ESC % G, UTF-8.
            dataset(records, 1, 90, new byte[] { 0x1B, '%', 'G' });
            iim.forEach((number, value) -> dataset(records, 2, number, value.getBytes(StandardCharsets.UTF_8)));
            byte[] data = records.toByteArray();
            ByteBuffer resource = ByteBuffer.allocate(4 + 2 + 2 + 4 + data.length + (data.length & 1));
            resource.put("8BIM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 0x0404).putShort((short) 0)
                    .putInt(data.length).put(data);
            segment(out, 0xED, concat("Photoshop 3.0\0".getBytes(StandardCharsets.US_ASCII), resource.array()));
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** An XMP packet with these Dublin Core and Photoshop fields (null ones left out). */
    static String xmp(String description, String creator, String rights, String credit) {
        StringBuilder body = new StringBuilder();
        if (description != null) {
            body.append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(description).append("</rdf:li></rdf:Alt></dc:description>");
        }
        if (creator != null) {
            body.append("<dc:creator><rdf:Seq><rdf:li>").append(creator).append("</rdf:li></rdf:Seq></dc:creator>");
        }
        if (rights != null) {
            body.append("<dc:rights><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(rights).append("</rdf:li></rdf:Alt></dc:rights>");
        }
        if (credit != null) {
            body.append("<photoshop:Credit>").append(credit).append("</photoshop:Credit>");
        }
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\">" + body + "</rdf:Description></rdf:RDF></x:xmpmeta>"
                + "<?xpacket end=\"w\"?>";
    }

    private static void dataset(ByteArrayOutputStream out, int record, int number, byte[] value) {
        out.write(0x1C);
        out.write(record);
        out.write(number);
        out.write(value.length >> 8);
        out.write(value.length & 0xFF);
        out.write(value, 0, value.length);
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        out.write(0xFF);
        out.write(marker);
        int length = payload.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(payload, 0, payload.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
