package io.lede.common.openapi;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/** The document's header and the two ways to present a token. */
@OpenAPIDefinition(
        info = @Info(
                title = "Lede content API",
                version = "1.0",
                description = "Articles, images and quotes of a newsroom as JSON. Reads of published content are public; "
                        + "everything else takes a token. Errors are RFC 9457 problem details. Lists page by opaque cursor.",
                contact = @Contact(name = "Lede", url = "https://news.example.com/developers"),
                license = @License(name = "Proprietary", url = "https://news.example.com/developers/terms")),
        servers = @Server(url = "/", description = "This server"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A Lede token: Authorization: Bearer <token>")
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = "X-Api-Key", description = "The same token in X-Api-Key, for partners")
public class LedeApiDefinition extends Application {
}
