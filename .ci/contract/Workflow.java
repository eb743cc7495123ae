package io.lede.contract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.lede.contract.api.ArticlesApi;
import io.lede.contract.api.TokensApi;
import io.lede.contract.model.Article;
import io.lede.contract.model.ArticlePage;
import io.lede.contract.model.ArticlePatch;
import io.lede.contract.model.ArticleRequest;
import io.lede.contract.model.ArticleStatus;
import io.lede.contract.model.BodyBlock;
import io.lede.contract.model.IssuedToken;
import io.lede.contract.model.ParagraphBlock;
import io.lede.contract.model.Problem;
import io.lede.contract.model.Role;
import io.lede.contract.model.SparseArticle;
import io.lede.contract.model.TokenRequest;

/**
 * A partner's workflow, written against the Java client (library native) that openapi-generator
 * makes from the committed openapi.yaml, run through Prism's validating proxy. Java's generator
 * counts oneOf matches by deserialising into each member, and a full Article deserialises as a
 * SparseArticle too, so this client is generated with ArticleOrSparse mapped to SparseArticle
 * (--schema-mappings; docs/api.md says so for Java users).
 * Usage: java io.lede.contract.Workflow <base URL> <admin token>
 */
public final class Workflow {

    private Workflow() {
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError("workflow: " + message);
        }
    }

    static ApiClient client(String base, String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base);
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    interface Call {
        void run() throws ApiException;
    }

    /** The typed problem a failed call answered with. */
    static Problem problemOf(Call call) throws Exception {
        try {
            call.run();
        } catch (ApiException e) {
            check(e.getResponseHeaders().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    "a problem is application/problem+json");
            return new ObjectMapper().findAndRegisterModules().readValue(e.getResponseBody(), Problem.class);
        }
        throw new AssertionError("workflow: the call was expected to fail");
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        IssuedToken issued = new TokensApi(client(base, args[1]))
                .tokenResourceCreate(new TokenRequest().name("contract workflow (java)").role(Role.EDITOR));
        check(issued.getRole() == Role.EDITOR && issued.getToken().length() > 20, "an editor token is issued");
        ArticlesApi editor = new ArticlesApi(client(base, issued.getToken()));
        ArticlesApi reader = new ArticlesApi(client(base, null));

        String section = "contract-java-" + Long.toString(System.currentTimeMillis(), 36);
        List<Article> created = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            created.add(editor.articleResourceCreate(new ArticleRequest()
                    .headline("Contract check " + n + ": harbour & <ferries>")
                    .standfirst("Checked by a generated client.")
                    .section(section).language("en").status(ArticleStatus.PUBLISHED).tags(List.of("contract"))
                    .body(List.of(new BodyBlock(new ParagraphBlock().type(ParagraphBlock.TypeEnum.PARAGRAPH).text("Paragraph " + n + "."))))));
        }

        ArticlePage first = reader.articleResourceList(null, null, null, null, null, null, null, null, null, 2, null, section, null, null, null, null);
        check(first.getItems().size() == 2 && first.getCursor() != null && first.getNext() != null, "a first page with a cursor");
        ArticlePage second = reader.articleResourceList(null, first.getCursor(), null, null, null, null, null, null, null, 2, null, section, null, null, null,
                null);
        check(second.getItems().size() == 1 && second.getCursor() == null && second.getNext() == null, "a last page without a cursor");
        HashSet<String> listed = new HashSet<>();
        first.getItems().forEach(item -> listed.add(item.getId()));
        second.getItems().forEach(item -> listed.add(item.getId()));
        check(listed.size() == 3 && created.stream().allMatch(a -> listed.contains(a.getId())), "every article listed once");

        SparseArticle bySlug = reader.articleResourceGet(created.get(0).getSlug(), null, null, List.of("quotes", "images"));
        check(bySlug.getCreatedAt() != null && bySlug.getBody().size() == 1, "a full article by slug");
        SparseArticle sparse = reader.articleResourceGet(created.get(0).getId(), List.of("headline"), null, null);
        check(sparse.getId().equals(created.get(0).getId()) && sparse.getHeadline().equals(created.get(0).getHeadline()), "id and headline");
        check(sparse.getCreatedAt() == null && (sparse.getBody() == null || sparse.getBody().isEmpty()), "no other fields");

        ApiResponse<SparseArticle> read = editor.articleResourceGetWithHttpInfo(created.get(1).getId(), null, null, null);
        String etag = read.getHeaders().getOrDefault("etag", read.getHeaders().getOrDefault("ETag", List.of())).stream().findFirst().orElse(null);
        check(etag != null, "a read carries an ETag");
        Article patched = editor.articleResourcePatch(created.get(1).getId(), new ArticlePatch().standfirst("Changed by the Java client."), etag);
        check("Changed by the Java client.".equals(patched.getStandfirst()) && patched.getVersion() > created.get(1).getVersion(), "patched");

        check(problemOf(() -> reader.articleResourceGet("no-such-article-" + section, null, null, null)).getStatus() == 404, "404 problem");
        check(problemOf(() -> editor.articleResourcePatch(created.get(1).getId(), new ArticlePatch().standfirst("x"), etag)).getStatus() == 412,
                "412 problem");
        check(problemOf(() -> editor.articleResourcePatch(created.get(1).getId(), new ArticlePatch().standfirst("x"), null)).getStatus() == 428,
                "428 problem");
        System.out.println("java native workflow: 1 passed, 0 failed");
    }
}
