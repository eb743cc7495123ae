package io.lede.openapi;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The rules that make the document say what the server does, applied to what the annotations
 * produce, in order: list parameters and their limits first (they read the full item schemas),
 * then the sparse item schemas of fields=, page cursors, merge-patch bodies, the shared responses,
 * and last the headers of every response (they read the final responses).
 */
public class DocumentRules implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ParameterRules.apply(openAPI);
        SparseFieldsets.apply(openAPI);
        PageCursors.apply(openAPI);
        PatchSchemas.apply(openAPI);
        new SharedResponses().filterOpenAPI(openAPI);
        SharedHeaders.apply(openAPI);
    }
}
