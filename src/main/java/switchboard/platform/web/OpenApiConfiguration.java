package switchboard.platform.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at /api/docs: every /api/v1 operation needs a personal API token, sent
 * as "Authorization: Bearer sb_...", and answers errors as RFC 9457 problem details.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "Switchboard API", version = "v1",
                description = "JSON over HTTP. Create a personal API token in Settings -> API tokens; it acts in the account "
                        + "it was created in, with its creator's current role there. Errors are RFC 9457 problem details."),
        security = @SecurityRequirement(name = OpenApiConfiguration.BEARER))
@SecurityScheme(name = OpenApiConfiguration.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "sb_...")
public class OpenApiConfiguration {

    /** The security scheme's name; API controllers need not repeat it. */
    public static final String BEARER = "bearer";

    /** Every operation's error answers, described once as the "default" response. */
    @Bean
    OpenApiCustomizer problemDetailsInApiDocs() {
        return openApi -> {
            openApi.getComponents().addSchemas("Problem", new ObjectSchema()
                    .addProperty("type", new StringSchema().format("uri"))
                    .addProperty("title", new StringSchema())
                    .addProperty("status", new IntegerSchema())
                    .addProperty("detail", new StringSchema())
                    .addProperty("instance", new StringSchema().format("uri"))
                    .addProperty("field", new StringSchema().description("The invalid request field (400 only)")));
            var problem = new ApiResponse()
                    .description("An RFC 9457 problem detail: 400 invalid field, 401 missing or unknown token, 403 the role does "
                            + "not allow it, 404 not found in this account, 409 conflicts with the current state")
                    .content(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
            openApi.getPaths().values().forEach(path -> path.readOperations()
                    .forEach(operation -> operation.getResponses().addApiResponse("default", problem)));
        };
    }
}
