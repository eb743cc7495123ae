// A partner's workflow, written against the TypeScript client that openapi-generator makes from the
// committed openapi.yaml (typescript-fetch). It runs against the service through Prism's validating
// proxy, so every request and response is also checked against the document.
// Usage: node workflow.js <base URL> <admin token>
import {
    ArticleResourceGetFieldsEnum,
    ArticleResourceGetIncludeEnum,
    ArticleStatus,
    ArticlesApi,
    Configuration,
    ProblemFromJSON,
    ResponseError,
    Role,
    TokensApi,
    instanceOfArticle,
    instanceOfSparseArticle,
    type Article,
    type Problem,
} from './client/index';

const [base, adminToken] = process.argv.slice(2);

function check(condition: boolean, message: string): void {
    if (!condition) {
        throw new Error('workflow: ' + message);
    }
}

function articles(token?: string): ArticlesApi {
    return new ArticlesApi(new Configuration({ basePath: base, accessToken: token }));
}

/** The typed problem a failed call answered with, and its status. */
async function problemOf(call: () => Promise<unknown>): Promise<Problem> {
    try {
        await call();
    } catch (e) {
        if (e instanceof ResponseError) {
            check(e.response.headers.get('Content-Type')?.startsWith('application/problem+json') === true,
                'a problem is application/problem+json');
            return ProblemFromJSON(await e.response.json());
        }
        throw e;
    }
    throw new Error('workflow: the call was expected to fail');
}

async function main(): Promise<void> {
    const tokens = new TokensApi(new Configuration({ basePath: base, accessToken: adminToken }));
    const issued = await tokens.tokenResourceCreate({ tokenRequest: { name: 'contract workflow (ts)', role: Role.Editor } });
    check(issued.role === Role.Editor && issued.token.length > 20, 'an editor token is issued');
    const editor = articles(issued.token);
    const reader = articles();

    // Create three published articles in a section of their own, as an editor.
    const section = 'contract-ts-' + Date.now().toString(36);
    const created: Article[] = [];
    for (const n of [1, 2, 3]) {
        created.push(await editor.articleResourceCreate({
            articleRequest: {
                headline: `Contract check ${n}: harbour & <ferries>`,
                standfirst: 'Checked by a generated client.',
                section,
                language: 'en',
                status: ArticleStatus.Published,
                tags: ['contract'],
                body: [{ type: 'paragraph', text: `Paragraph ${n}.` }],
            },
        }));
    }
    check(created.every(a => a.status === ArticleStatus.Published), 'created as published');

    // List two per page and follow the cursor: every article once, newest first.
    const first = await reader.articleResourceList({ section, limit: 2 });
    check(first.items.length === 2 && first.cursor !== null && first.next !== null, 'a first page with a cursor');
    const second = await reader.articleResourceList({ section, limit: 2, cursor: first.cursor ?? undefined });
    check(second.items.length === 1 && second.cursor === null && second.next === null, 'a last page without a cursor');
    const listed = [...first.items, ...second.items].map(item => item.id);
    check(new Set(listed).size === 3 && created.every(a => listed.includes(a.id)), 'every article listed once');

    // By slug, with quotes and images inlined: a full Article.
    const bySlug = await reader.articleResourceGet({
        id: created[0].slug,
        include: [ArticleResourceGetIncludeEnum.Quotes, ArticleResourceGetIncludeEnum.Images],
    });
    check(instanceOfArticle(bySlug), 'a full article by slug');
    if (instanceOfArticle(bySlug)) {
        check(bySlug.createdAt instanceof Date && !isNaN(bySlug.createdAt.getTime()), 'createdAt is a date');
        check(bySlug.body.length === 1, 'the body is there');
    }

    // A sparse fieldset: a SparseArticle with the id and the fields asked for, nothing invented.
    const sparse = await reader.articleResourceGet({ id: created[0].id, fields: [ArticleResourceGetFieldsEnum.Headline] });
    check(!instanceOfArticle(sparse) && instanceOfSparseArticle(sparse), 'fields= gives a SparseArticle');
    check(sparse.id === created[0].id && sparse.headline === created[0].headline, 'id and headline');
    check(sparse.createdAt === undefined && sparse.body === undefined, 'no other fields');
    const sparsePage = await reader.articleResourceList({ section, fields: [ArticleResourceGetFieldsEnum.Headline] });
    check(sparsePage.items.every(item => instanceOfSparseArticle(item) && item.headline !== undefined), 'sparse items in a list');

    // Patch with If-Match from the ETag of a read.
    const read = await editor.articleResourceGetRaw({ id: created[1].id });
    const etag = read.raw.headers.get('ETag');
    check(etag !== null, 'a read carries an ETag');
    const patched = await editor.articleResourcePatch({
        id: created[1].id, ifMatch: etag ?? undefined, articlePatch: { standfirst: 'Changed by the generated client.' },
    });
    check(patched.standfirst === 'Changed by the generated client.' && patched.version > created[1].version, 'patched');

    // Typed problems: 404, 412 (the ETag is stale now), 428 (no If-Match).
    const missing = await problemOf(() => reader.articleResourceGet({ id: 'no-such-article-' + section }));
    check(missing.status === 404, '404 problem');
    const stale = await problemOf(() => editor.articleResourcePatch({ id: created[1].id, ifMatch: etag ?? undefined, articlePatch: { standfirst: 'x' } }));
    check(stale.status === 412, '412 problem');
    const unconditional = await problemOf(() => editor.articleResourcePatch({ id: created[1].id, articlePatch: { standfirst: 'x' } }));
    check(unconditional.status === 428, '428 problem');

    // What partners read around the articles, and the statuses the document lists for bad requests:
    // plain requests, so that Prism checks each answer against the document.
    const expect = async (path: string, status: number, init: RequestInit = {}): Promise<Response> => {
        const response = await fetch(base + path, init);
        check(response.status === status, `${path}: expected ${status}, got ${response.status}`);
        return response;
    };
    const url = encodeURIComponent(created[0].url);
    await expect('/v1/sections', 200);
    await expect(`/v1/headlines?section=${section}`, 200);
    for (const format of ['rss', 'atom', 'json']) {
        await expect(`/v1/feeds/${section}.${format}`, 200);
    }
    const feed = await (await expect(`/v1/feeds/${section}.json`, 200)).json();
    check(feed.items.length === 3, 'the JSON feed lists the section');
    const embed = await (await expect(`/v1/oembed?url=${url}&maxwidth=200`, 200)).json();
    check(embed.type === 'rich' && embed.width <= 200, 'an oEmbed card that fits');
    await expect(`/v1/quotes?fields=id,text`, 200);
    await expect(`/v1/images?fields=id`, 200);
    await expect(`/v1/speakers`, 200);
    await expect(`/v1/speakers/no-such-speaker`, 404);
    await expect(`/v1/sections?sectoin=world`, 400);
    await expect(`/v1/articles/${created[0].id}/quotes?sort=oldest`, 400);
    await expect(`/v1/speakers/no-such-speaker?fields=id`, 400);
    await expect(`/v1/admin/tokens?role=editor`, 400, { headers: { Authorization: 'Bearer ' + adminToken } });
    await expect(`/v1/articles`, 406, { headers: { Accept: 'text/csv' } });
    // A body the schema allows (1,000 paragraphs) but over the 1 MiB limit. Requests the document
    // itself rules out (too long, unknown names) Prism refuses before they reach the service;
    // DeclaredContractTest checks that the service refuses them too.
    const long = 'Words. '.repeat(200);
    await expect(`/v1/articles`, 413, {
        method: 'POST',
        headers: { Authorization: 'Bearer ' + issued.token, 'Content-Type': 'application/json' },
        body: JSON.stringify({
            headline: 'Too long', section, language: 'en',
            body: Array.from({ length: 1000 }, () => ({ type: 'paragraph', text: long })),
        }),
    });

    console.log('typescript-fetch workflow: 1 passed, 0 failed');
}

main().catch(error => {
    console.error(error);
    process.exit(1);
});
