package io.lede.fuzz;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Walks the OpenAPI document of a running Lede and sends every operation valid and hostile
 * requests: parameters in and out of range, garbage ids, mutated bodies, missing and stale
 * preconditions, three kinds of caller. Every answer must be documented for its operation, match
 * the documented schema, never be a 5xx, and never carry a stack trace.
 *
 * <p>{@link ApiFuzzIT} runs it against the packaged jar.
 */
final class ApiFuzzer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> HOSTILE = List.of("", " ", "0", "-1", "999999999999", "abc", "' or 1=1 --",
            "<script>alert(1)</script>", "../../etc/passwd", "%00", "💥🗞️", "x".repeat(3000), "null", "[]", "{}",
            "2026-13-45", "1e309", "true", "a\u0000b", "\u0001", "x\u000by", "\ufffe", "\u0085", "tab\there",
            "+300000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "0000-12-31", "9999-12-31T23:59:59Z", "99999999999999",
            "NaN", "-0", "1.5", "\u202e\u200d");
    /**
     * Written into JSON bodies as escapes (a lone surrogate cannot be written by an encoder) and
     * sent raw in paths and queries.
     */
    private static final List<String> ESCAPED_TEXT = List.of("\\u0000", "\\ud800", "x\\udc00", "\\ud83d", "\\u001f",
            "\\uffff", "\\u007f", "line\\nbreak", "\\u000b");
    private static final List<String> RAW_SEGMENTS = List.of("%00", "%zz", "%C0%AF", "%ED%A0%80", "%FF", "a%0Ab", "%", "%4",
            "%E2%80%AE", "%25", "..%2F..%2F");

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(20261125);
    private final List<String> failures = new ArrayList<>();
    private JsonNode document;
    private SchemaCheck schemas;
    private String admin;
    private String editor;
    private String reader;
    private final Map<String, List<String>> ids = new java.util.HashMap<>();
    private int sent;

    private ApiFuzzer(String base) {
        this.base = base.replaceAll("/+$", "");
    }

    /** What a run found: how many requests it sent, and what was wrong with the answers. */
    record Result(int sent, List<String> failures) {
    }

    /** Fuzzes the service at {@code base} (admin token {@code admin}) until {@code target} requests were sent. */
    static Result fuzz(String base, String admin, int target) throws Exception {
        ApiFuzzer fuzzer = new ApiFuzzer(base);
        fuzzer.admin = admin;
        fuzzer.run(target);
        return new Result(fuzzer.sent, List.copyOf(fuzzer.failures));
    }

    private void run(int target) throws Exception {
        document = JSON.readTree(send("GET", "/q/openapi?format=json", null, null, null).body());
        schemas = new SchemaCheck(document);
        seed();
        List<String[]> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            // Event streams never end; LiveStreamTest covers them.
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (!path.getValue().get(method).path("responses").path("200").path("content").has("text/event-stream")) {
                    operations.add(new String[] { path.getKey(), method });
                }
            });
        }
        rawAttacks(operations);
        concurrentDuplicates();
        while (sent < target) {
            for (String[] operation : operations) {
                fuzz(operation[0], operation[1], document.get("paths").get(operation[0]).get(operation[1]));
            }
        }
    }

    /**
     * What HTTP client libraries refuse to send, written on a socket: broken percent-encoding and
     * controls in paths and queries, bad Host headers, bodies that are not UTF-8, chunked bodies
     * over the limit, malformed multipart. Each must get a 4xx problem, never a 5xx.
     */
    private void rawAttacks(List<String[]> operations) throws Exception {
        URI uri = URI.create(base);
        for (String[] operation : operations) {
            if (!operation[1].equals("get")) {
                continue;
            }
            String segment = RAW_SEGMENTS.get(random.nextInt(RAW_SEGMENTS.size()));
            String path = operation[0].replaceAll("\\{[^}]*}", segment);
            raw(uri, "GET " + path + " HTTP/1.1\r\nHost: localhost", null);
            for (JsonNode parameter : document.get("paths").get(operation[0]).get("get").path("parameters")) {
                if ("query".equals(parameter.path("in").asText())) {
                    raw(uri, "GET " + operation[0].replaceAll("\\{[^}]*}", "x") + "?" + parameter.get("name").asText() + "="
                            + RAW_SEGMENTS.get(random.nextInt(RAW_SEGMENTS.size())) + " HTTP/1.1\r\nHost: localhost", null);
                }
            }
        }
        for (String host : List.of("a b", "x:99999", "[::1", "a:b:c", "ex ample.com")) {
            raw(uri, "GET /v1/articles HTTP/1.1\r\nHost: " + host, null);
        }
        raw(uri, "GET /v1/articles/a\"b|c HTTP/1.1\r\nHost: localhost", null);
        String auth = "\r\nAuthorization: Bearer " + editor;
        for (byte[] bad : List.of(new byte[] { (byte) 0xC0, (byte) 0xAF }, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
                new byte[] { (byte) 0xFF }, new byte[] { (byte) 0xC3 })) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write("{\"headline\":\"x".getBytes(StandardCharsets.UTF_8));
            body.write(bad);
            body.write("\",\"section\":\"fuzz\",\"language\":\"en\",\"body\":[]}".getBytes(StandardCharsets.UTF_8));
            for (String path : List.of("/v1/articles", "/v1/quotes", "/v1/admin/tokens")) {
                raw(uri, "POST " + path + " HTTP/1.1\r\nHost: localhost" + (path.contains("admin") ? "\r\nAuthorization: Bearer " + admin : auth)
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.size(), body.toByteArray());
            }
        }
        // A chunked body over lede.max-body-bytes: counted as read, refused with 413.
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        String start = "{\"headline\":\"Chunked\",\"section\":\"fuzz\",\"language\":\"en\",\"body\":[{\"type\":\"paragraph\",\"text\":\"";
        chunked.write(chunk(start.getBytes(StandardCharsets.UTF_8)));
        byte[] filler = "a".repeat(65_536).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 40; i++) {
            chunked.write(chunk(filler));
        }
        chunked.write(chunk("\"}]}".getBytes(StandardCharsets.UTF_8)));
        chunked.write("0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        expect(raw(uri, "POST /v1/articles HTTP/1.1\r\nHost: localhost" + auth
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked", chunked.toByteArray()), 413, "chunked body over the limit");
        for (byte[] multipart : malformedMultipart()) {
            raw(uri, "POST /v1/images HTTP/1.1\r\nHost: localhost" + auth
                    + "\r\nContent-Type: multipart/form-data; boundary=fuzzb\r\nContent-Length: " + multipart.length, multipart);
        }
    }

    private static byte[] chunk(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static List<byte[]> malformedMultipart() throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        bodies.add(new byte[0]);
        bodies.add("garbage without any boundary".getBytes(StandardCharsets.UTF_8));
        bodies.add("--fuzzb\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nunterminated"
                .getBytes(StandardCharsets.UTF_8));
        bodies.add("--otherb\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\nx\r\n--otherb--\r\n".getBytes(StandardCharsets.UTF_8));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 1200; i++) {
            many.append("--fuzzb\r\nContent-Disposition: form-data; name=\"f").append(i).append("\"\r\n\r\nv\r\n");
        }
        bodies.add(many.append("--fuzzb--\r\n").toString().getBytes(StandardCharsets.UTF_8));
        for (byte[] caption : List.of("a\u0000b".getBytes(StandardCharsets.UTF_8), new byte[] { 'x', (byte) 0xC0, (byte) 0xAF },
                new byte[] { (byte) 0xFF, (byte) 0xFE })) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write("--fuzzb\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.png\"\r\nContent-Type: image/png\r\n\r\n"
                    .getBytes(StandardCharsets.UTF_8));
            body.write(png());
            body.write("\r\n--fuzzb\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            body.write(caption);
            body.write("\r\n--fuzzb--\r\n".getBytes(StandardCharsets.UTF_8));
            bodies.add(body.toByteArray());
        }
        return bodies;
    }

    /** The same write many times at once: none may fail with a 5xx (races are settled by constraints, locks or retries). */
    private void concurrentDuplicates() throws Exception {
        String speaker = "Fuzz Speaker " + UUID.randomUUID();
        String quote = "{\"text\":\"Said at once.\",\"speaker\":{\"name\":\"" + speaker + "\"},\"language\":\"en\"}";
        String article = "{\"headline\":\"Same headline " + UUID.randomUUID() + "\",\"section\":\"fuzz\",\"language\":\"en\",\"body\":[]}";
        String target = JSON.readTree(send("POST", "/v1/articles", editor, "application/json", article).body()).get("id").asText();
        String translation = "{\"headline\":\"Gleiche Nachricht\",\"section\":\"fuzz\",\"language\":\"de\",\"body\":[],"
                + "\"translationOf\":\"" + target + "\"}";
        List<java.util.concurrent.Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(() -> send("POST", "/v1/quotes", editor, "application/json", quote));
            calls.add(() -> send("POST", "/v1/articles", editor, "application/json", article));
            calls.add(() -> send("POST", "/v1/articles", editor, "application/json", translation));
            calls.add(() -> send("DELETE", "/v1/articles/" + target, admin, null, null));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            for (java.util.concurrent.Future<HttpResponse<String>> result : pool.invokeAll(calls)) {
                HttpResponse<String> response = result.get();
                if (response.statusCode() >= 500) {
                    failures.add(response.request().method() + " " + response.uri().getRawPath() + " at once -> "
                            + response.statusCode() + ": " + abbreviate(response.body()));
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    private String raw(URI uri, String head, byte[] body) throws Exception {
        sent++;
        String response;
        try {
            response = io.lede.RawHttp.exchange(uri, head, body);
        } catch (java.io.IOException e) {
            // The server may close a connection it refuses (a body it will not read): not a failure.
            return "";
        }
        String what = head.substring(0, Math.min(head.indexOf('\r') < 0 ? head.length() : head.indexOf('\r'), 120));
        if (response.length() < 12) {
            return response;
        }
        int status = io.lede.RawHttp.status(response);
        // oEmbed must answer 501 to a format it does not offer, whatever the format's text is.
        boolean contractual = status == 501 && what.startsWith("GET /v1/oembed?");
        if (status >= 500 && !contractual) {
            failures.add(what + " -> " + status + ": " + abbreviate(io.lede.RawHttp.body(response)));
        } else if (status >= 400 && !"application/problem+json".equals(io.lede.RawHttp.header(response, "Content-Type"))) {
            failures.add(what + " -> " + status + " without a problem body");
        }
        return response;
    }

    private void expect(String response, int status, String what) {
        if (!response.isEmpty() && io.lede.RawHttp.status(response) != status) {
            failures.add(what + ": expected " + status + ", got " + io.lede.RawHttp.status(response));
        }
    }

    /** Real things to point at, so that valid requests reach the code behind the 404s. */
    private void seed() throws Exception {
        editor = token("editor");
        reader = token("reader");
        String image = JSON.readTree(upload(png()).body()).get("id").asText();
        String quote = JSON.readTree(send("POST", "/v1/quotes", editor, "application/json",
                "{\"text\":\"Fuzzing is fun.\",\"speaker\":{\"name\":\"Fuzz Tester\",\"role\":\"robot\"},\"language\":\"en\"}").body())
                .get("id").asText();
        JsonNode article = JSON.readTree(send("POST", "/v1/articles", editor, "application/json",
                "{\"headline\":\"Fuzz target\",\"section\":\"fuzz\",\"language\":\"en\",\"status\":\"published\",\"leadImage\":\""
                        + image + "\",\"body\":[{\"type\":\"paragraph\",\"text\":\"Hello.\"},{\"type\":\"quote\",\"quoteId\":\""
                        + quote + "\"}]}").body());
        String speaker = JSON.readTree(send("GET", "/v1/quotes/" + quote, null, null, null).body()).get("speaker").get("id").asText();
        ids.put("id", List.of(article.get("id").asText(), article.get("slug").asText(), quote, image, speaker));
        ids.put("name", List.of("latest", "fuzz"));
        ids.put("format", List.of("rss", "atom", "json"));
        ids.put("url", List.of(article.get("url").asText()));
    }

    private void fuzz(String template, String method, JsonNode operation) throws Exception {
        String path = template;
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\{([^}:]+)[^}]*}").matcher(template);
        while (names.find()) {
            path = path.replace(names.group(), encode(pathValue(names.group(1), method)));
        }
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.path("parameters")) {
            if ("query".equals(parameter.path("in").asText()) && random.nextInt(3) > 0) {
                String name = parameter.get("name").asText();
                String value = name.equals("url") && random.nextBoolean() ? ids.get("url").get(0) : value(parameter.path("schema"));
                query.append(query.isEmpty() ? "?" : "&").append(encode(name)).append('=').append(encode(value));
            }
        }
        String contentType = null;
        String body = null;
        JsonNode content = operation.path("requestBody").path("content");
        if (content.isObject() && content.fieldNames().hasNext()) {
            contentType = content.fieldNames().next();
            if (contentType.startsWith("multipart/")) {
                check(method, template, operation, switch (random.nextInt(4)) {
                    case 0 -> upload(png());
                    case 1 -> upload(imageFault());
                    case 2 -> malformedUpload();
                    default -> upload(HOSTILE.get(random.nextInt(HOSTILE.size())).getBytes(StandardCharsets.UTF_8));
                });
                return;
            }
            body = body(content.get(contentType));
        }
        String caller = caller(method, template);
        // Preconditions belong to writes; on a read a failed If-Match is a (correct, RFC 9110) 412 nobody documents.
        String ifMatch = method.equals("get") ? "" : List.of("", "", "\"stale\"", "*", "garbage").get(random.nextInt(5));
        check(method, template, operation, send(method.toUpperCase(), path + query, caller, contentType, body, ifMatch));
    }

    private String pathValue(String name, String method) {
        List<String> known = ids.getOrDefault(name, List.of());
        // Deletions aim at nothing real, so that the seed stays for the requests after them.
        if (!method.equals("delete") && !known.isEmpty() && random.nextInt(3) > 0) {
            return known.get(random.nextInt(known.size()));
        }
        // An empty or blank segment would address another resource (the collection), not this operation.
        String hostile = HOSTILE.get(random.nextInt(HOSTILE.size()));
        return random.nextBoolean() || hostile.isBlank() ? UUID.randomUUID().toString() : hostile;
    }

    private String value(JsonNode schema) {
        if (random.nextInt(3) == 0) {
            return HOSTILE.get(random.nextInt(HOSTILE.size()));
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size())).asText();
        }
        String type = schema.path("type").asText("string");
        if (type.equals("array") && schema.path("items").has("enum")) {
            // A comma-separated list (style form, explode false): one or two of the allowed names.
            JsonNode names = schema.path("items").get("enum");
            String first = names.get(random.nextInt(names.size())).asText();
            return random.nextBoolean() ? first : first + "," + names.get(random.nextInt(names.size())).asText();
        }
        if (type.equals("integer")) {
            int min = schema.path("minimum").asInt(1);
            int max = schema.path("maximum").asInt(100);
            return Integer.toString(List.of(min, max, min - 1, max + 1, (min + max) / 2).get(random.nextInt(5)));
        }
        if (type.equals("boolean")) {
            return random.nextBoolean() ? "true" : "false";
        }
        return List.of("world", "en", "de", "harbour", "2026-11-24", "2026-11-24T08:15:00Z", "fuzz", "lighthouse -keeper")
                .get(random.nextInt(8));
    }

    /** The documented example, or the schema's, mutated more often than not. */
    private String body(JsonNode media) throws Exception {
        JsonNode example = media.path("examples").elements().hasNext()
                ? media.path("examples").elements().next().path("value") : JSON.createObjectNode();
        if (example.isTextual()) {
            example = JSON.readTree(example.asText());
        }
        if (!(example instanceof ObjectNode object) || random.nextInt(4) == 0) {
            return List.of("{}", "[]", "null", "{\"headline\":", "\"text\"", "{\"body\":[{\"type\":\"video\"}]}",
                    "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}").get(random.nextInt(7));
        }
        ObjectNode mutated = object.deepCopy();
        List<String> fields = new ArrayList<>();
        mutated.fieldNames().forEachRemaining(fields::add);
        for (int i = 0; i < 1 + random.nextInt(3) && !fields.isEmpty(); i++) {
            String field = fields.get(random.nextInt(fields.size()));
            switch (random.nextInt(5)) {
                case 0 -> mutated.remove(field);
                case 1 -> mutated.putNull(field);
                case 2 -> mutated.put(field, HOSTILE.get(random.nextInt(HOSTILE.size())));
                case 3 -> mutated.put(field, random.nextInt());
                default -> mutated.set(field, JSON.createArrayNode().add(1).add("two"));
            }
        }
        mutated.put("id", UUID.randomUUID().toString());
        mutated.put("version", 99);
        String json = JSON.writeValueAsString(mutated);
        if (!fields.isEmpty() && random.nextInt(3) == 0) {
            // Text no encoder writes: escapes of controls and lone surrogates, into one string field.
            String field = fields.get(random.nextInt(fields.size()));
            mutated.put(field, "@@ESCAPED@@");
            json = JSON.writeValueAsString(mutated).replace("@@ESCAPED@@", ESCAPED_TEXT.get(random.nextInt(ESCAPED_TEXT.size())));
        }
        if (random.nextInt(8) == 0) {
            json = List.of(json + "{\"x\":1}", json + "}", json.replaceFirst("\\{", "{\"id\":1,"), json + " \n ")
                    .get(random.nextInt(4));
        }
        return json;
    }

    private String caller(String method, String template) {
        int pick = random.nextInt(10);
        if (method.equals("get")) {
            return pick < 6 ? null : pick < 8 ? reader : editor;
        }
        if (pick == 0) {
            return null;
        }
        if (pick == 1) {
            return reader;
        }
        return template.startsWith("/v1/admin") || method.equals("delete") ? admin : editor;
    }

    private void check(String method, String template, JsonNode operation, HttpResponse<String> response) {
        String what = method.toUpperCase() + " " + response.uri().getRawPath() + " -> " + response.statusCode();
        String status = Integer.toString(response.statusCode());
        String body = response.body() == null ? "" : response.body();
        JsonNode documented = operation.path("responses").path(status);
        // 501 is oEmbed's required answer to an unsupported format; any other 5xx is a fault.
        boolean contractual = response.statusCode() == 501 && !documented.isMissingNode();
        if (response.statusCode() >= 500 && !contractual) {
            failures.add(what + ": server error " + abbreviate(body));
        }
        if (response.statusCode() >= 400 && !method.equals("head") && !type(response).equals("application/problem+json")) {
            failures.add(what + ": an error without application/problem+json (" + type(response) + ")");
        }
        if (body.contains("\tat ") || body.contains("Exception")) {
            failures.add(what + ": looks like a stack trace or class name: " + abbreviate(body));
        }
        if (documented.isMissingNode()) {
            failures.add(what + ": status not documented for " + method.toUpperCase() + " " + template);
            return;
        }
        if (documented.has("$ref")) {
            documented = schemas.resolve(documented.get("$ref").asText());
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        String mediaType = type.split(";")[0].trim();
        JsonNode schema = documented.path("content").path(mediaType).path("schema");
        if ((mediaType.equals("application/json") || mediaType.equals("application/problem+json")) && !body.isEmpty()) {
            if (schema.isMissingNode()) {
                failures.add(what + ": " + mediaType + " is not documented for this status");
                return;
            }
            try {
                List<String> problems = schemas.problems(JSON.readTree(body), schema);
                if (!problems.isEmpty()) {
                    failures.add(what + ": body does not match the schema: " + problems.subList(0, Math.min(3, problems.size())));
                }
            } catch (Exception e) {
                failures.add(what + ": body is not JSON");
            }
        }
    }

    private static String type(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
    }

    private String token(String role) throws Exception {
        return JSON.readTree(send("POST", "/v1/admin/tokens", admin, "application/json",
                "{\"name\":\"fuzz " + role + "\",\"role\":\"" + role + "\"}").body()).get("token").asText();
    }

    private HttpResponse<String> upload(byte[] file) throws Exception {
        String boundary = "lede-fuzz-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\n"
                + "fuzz\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        sent++;
        return client.send(HttpRequest.newBuilder(URI.create(base + "/v1/images"))
                .header("Authorization", "Bearer " + (editor != null ? editor : admin))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String token, String contentType, String body)
            throws Exception {
        return send(method, pathAndQuery, token, contentType, body, "");
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String token, String contentType, String body,
            String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (ifMatch != null && !ifMatch.isEmpty()) {
            request.header("If-Match", ifMatch);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        sent++;
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Pictures that once broke uploads or renditions: odd colour models, files without their pixel data. */
    private byte[] imageFault() {
        byte[] photo = io.lede.image.TestImages.photoJpeg(240, 160);
        return switch (random.nextInt(7)) {
            case 0 -> io.lede.image.TestImages.encode(io.lede.image.TestImages.gray(60, 40, random.nextBoolean()), "png");
            case 1 -> io.lede.image.TestImages.encode(io.lede.image.TestImages.gray(60, 40, false), "jpeg");
            case 2 -> io.lede.image.TestImages.truncated(photo);
            case 3 -> io.lede.image.TestImages.jpegHeaderOnly(photo);
            case 4 -> io.lede.image.TestImages.webpHeader(7000, 7000, 20);
            case 5 -> io.lede.image.TestImages.gifHeader(7000, 7000);
            default -> io.lede.image.TestImages.encode(io.lede.image.TestImages.palette(60, 40), "png");
        };
    }

    /** Bodies the multipart parser cannot take: garbage, empty, cut short, another boundary, too many parts. */
    private HttpResponse<String> malformedUpload() throws Exception {
        String part = "--XYZ\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\nfuzz\r\n";
        String body = switch (random.nextInt(5)) {
            case 0 -> HOSTILE.get(random.nextInt(HOSTILE.size()));
            case 1 -> "";
            case 2 -> part + "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.png\"\r\n\r\n\u0089PNG";
            case 3 -> part.replace("XYZ", "ABC") + "--ABC--\r\n";
            default -> part.repeat(1200) + "--XYZ--\r\n";
        };
        sent++;
        return client.send(HttpRequest.newBuilder(URI.create(base + "/v1/images"))
                .header("Authorization", "Bearer " + (editor != null ? editor : admin))
                .header("Content-Type", "multipart/form-data; boundary=XYZ")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] png() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB), "png", bytes);
        return bytes.toByteArray();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
