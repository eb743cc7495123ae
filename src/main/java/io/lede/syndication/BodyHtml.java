package io.lede.syndication;

import java.util.List;
import java.util.regex.Matcher;

import io.lede.article.BodyBlock;
import io.lede.http.ApiUrls;
import io.lede.image.ImageView;
import io.lede.quote.QuoteView;
import io.lede.text.Html;

/**
 * An article body as HTML for partners: every text escaped, inline links {@code [text](url)} as
 * anchors (their destinations were checked on write: web or e-mail only), images as figures with
 * absolute URLs, quotes as block quotes with their speaker. Well-formed XML too, so XHTML readers
 * parse it.
 */
final class BodyHtml {

    private BodyHtml() {
    }

    static String of(List<BodyBlock> body, String apiBase) {
        StringBuilder html = new StringBuilder();
        for (BodyBlock block : body) {
            if (block instanceof BodyBlock.Paragraph paragraph) {
                html.append("<p>").append(inline(paragraph.text())).append("</p>");
            } else if (block instanceof BodyBlock.Heading heading) {
                html.append("<h2>").append(lines(heading.text())).append("</h2>");
            } else if (block instanceof BodyBlock.Image image) {
                figure(html, image.image(), apiBase);
            } else if (block instanceof BodyBlock.Quote quote) {
                blockquote(html, quote.quote());
            } else if (block instanceof BodyBlock.Embed embed) {
                html.append("<p><a href=\"").append(Html.escape(embed.url())).append("\">").append(Html.escape(embed.url()))
                        .append("</a></p>");
            }
        }
        return html.toString();
    }

    private static void figure(StringBuilder html, ImageView image, String apiBase) {
        if (image == null) {
            return;
        }
        html.append("<figure><img src=\"").append(Html.escape(ApiUrls.absolute(apiBase, image.displayUrl())))
                .append("\" alt=\"").append(Html.escape(image.altText())).append("\" />");
        String caption = caption(image);
        if (!caption.isEmpty()) {
            html.append("<figcaption>").append(Html.escape(caption)).append("</figcaption>");
        }
        html.append("</figure>");
    }

    private static String caption(ImageView image) {
        String caption = image.caption() == null ? "" : image.caption();
        if (image.credit() != null) {
            caption = caption.isEmpty() ? image.credit() : caption + " (" + image.credit() + ")";
        }
        return caption;
    }

    private static void blockquote(StringBuilder html, QuoteView quote) {
        if (quote == null) {
            return;
        }
        html.append("<blockquote><p>").append(lines(quote.text())).append("</p><footer>")
                .append(Html.escape(speaker(quote.speaker()))).append("</footer></blockquote>");
    }

    static String speaker(QuoteView.Speaker speaker) {
        return speaker.role() == null ? speaker.name() : speaker.name() + ", " + speaker.role();
    }

    /** Escaped text with its inline links as anchors. */
    private static String inline(String text) {
        StringBuilder out = new StringBuilder();
        Matcher link = BodyBlock.INLINE_LINK.matcher(text);
        int last = 0;
        while (link.find()) {
            out.append(lines(text.substring(last, link.start())))
                    .append("<a href=\"").append(Html.escape(link.group(2))).append("\">")
                    .append(lines(link.group(1))).append("</a>");
            last = link.end();
        }
        return out.append(lines(text.substring(last))).toString();
    }

    /** Escaped text whose line breaks stay line breaks. */
    private static String lines(String text) {
        return Html.escape(text).replace("\r\n", "\n").replace("\n", "<br />");
    }
}
