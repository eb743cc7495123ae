package io.lede.http;

import java.util.Base64;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.lede.error.ProblemException;
import io.lede.input.FieldSelection;
import io.lede.paging.CursorPage;

/**
 * Turns response records into the bytes that are sent, once: the same bytes give the strong
 * {@code ETag}, so a tag changes exactly when what a client would see changes (an item, any item of
 * a list, a sparse fieldset), and conditional requests ({@link Preconditions}) are answered
 * without sending them again.
 */
@ApplicationScoped
public class Representations {

    private final ObjectMapper objectMapper;
    private final ObjectWriter scriptSafe;
    private final HttpConfig config;
    /** The request being answered (a request-scoped proxy): its conditional headers. */
    private final HttpHeaders headers;

    public Representations(ObjectMapper objectMapper, HttpConfig config, HttpHeaders headers) {
        this.objectMapper = objectMapper;
        this.scriptSafe = objectMapper.writer().with(new ScriptSafeEscapes());
        this.config = config;
        this.headers = headers;
    }

    /** 200 with the item (or 304), ETag and Cache-Control. */
    public Response.ResponseBuilder item(Request request, Object view, FieldSelection fields, CachePolicy policy) {
        if (fields.isAll()) {
            return conditional(request, bytes(view), policy);
        }
        ObjectNode tree = objectMapper.valueToTree(view);
        tree.retain(fields.fields());
        return conditional(request, bytes(tree), policy);
    }

    /** 200 with a page of items (or 304); {@code fields} applies to every item. */
    public Response.ResponseBuilder page(Request request, CursorPage<?> page, FieldSelection fields, CachePolicy policy) {
        byte[] body;
        if (fields.isAll()) {
            body = bytes(page);
        } else {
            JsonNode tree = objectMapper.valueToTree(page);
            for (JsonNode item : (ArrayNode) tree.get("items")) {
                ((ObjectNode) item).retain(fields.fields());
            }
            body = bytes(tree);
        }
        return linked(conditional(request, body, policy), page.next());
    }

    /**
     * 200 with a document of another JSON-based format (a standard's shape: no field selection), or
     * 304; {@code next}, when a page has one, goes in the {@code Link} header as for JSON pages.
     */
    public Response.ResponseBuilder document(Request request, Object document, String mediaType, String next, CachePolicy policy) {
        return linked(conditional(request, scriptSafeBytes(document), mediaType, policy), next);
    }

    /** A standard's document (ninjs, JSON-LD) is what partners embed in pages: written script-safe. */
    private byte[] scriptSafeBytes(Object document) {
        try {
            return scriptSafe.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A document could not be serialised", e);
        }
    }

    private static Response.ResponseBuilder linked(Response.ResponseBuilder builder, String next) {
        if (next != null) {
            builder.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return builder;
    }

    /** 200 with what a write produced: no conditional evaluation, never cached. */
    public Response.ResponseBuilder written(Object view) {
        byte[] body = bytes(view);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).tag(etag(body))
                .header(HttpHeaders.CACHE_CONTROL, cacheControl(CachePolicy.PRIVATE));
    }

    /** 428 without If-Match, 412 unless it names the ETag a GET of {@code current} would carry. */
    public void requireMatch(String ifMatch, Object current) {
        Preconditions.requireMatch(ifMatch, etagOf(current));
    }

    /** The ETag a GET of this item without parameters would carry; what {@code If-Match} is checked against. */
    public EntityTag etagOf(Object view) {
        return etag(bytes(view));
    }

    public byte[] bytes(Object value) {
        try {
            return objectMapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A response record could not be serialised", e);
        }
    }

    private Response.ResponseBuilder conditional(Request request, byte[] body, CachePolicy policy) {
        return conditional(request, body, MediaType.APPLICATION_JSON, policy);
    }

    /** 200 with bytes already rendered in another format (feeds), or 304; ETag and Cache-Control as for JSON. */
    public Response.ResponseBuilder conditional(Request request, byte[] body, String mediaType, CachePolicy policy) {
        EntityTag tag = etag(body);
        Response.ResponseBuilder notModified = preconditions(request, tag);
        Response.ResponseBuilder builder = notModified != null
                ? notModified
                : Response.ok(body, mediaType);
        builder.tag(tag).header(HttpHeaders.CACHE_CONTROL, cacheControl(policy));
        if (policy == CachePolicy.PRIVATE_COPY) {
            builder.header(CachePolicy.SHAREABLE_HEADER, cacheControl(CachePolicy.PUBLIC));
        }
        return builder;
    }

    /**
     * The request's conditions against a representation with this tag: a 304 to send, null to
     * send the representation, or a 412 problem thrown.
     */
    public Response.ResponseBuilder preconditions(Request request, EntityTag tag) {
        return switch (Preconditions.evaluate(request.getMethod(), headers.getHeaderString(HttpHeaders.IF_MATCH),
                headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), Preconditions.quoted(tag))) {
            case PROCEED -> null;
            case NOT_MODIFIED -> Response.notModified(tag);
            case FAILED -> throw new ProblemException(Preconditions.failed());
        };
    }

    public String cacheControl(CachePolicy policy) {
        if (policy != CachePolicy.PUBLIC) {
            return "private, no-store";
        }
        return "public, max-age=" + config.cache().maxAge().toSeconds()
                + ", stale-while-revalidate=" + config.cache().staleWhileRevalidate().toSeconds();
    }

    /** The strong ETag of some bytes: a shortened SHA-256, the same wherever Lede tags a representation. */
    public static EntityTag etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
