package dev.esnetpol.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.esnetpol.generate.GeneratorOptions;
import dev.esnetpol.input.InputProblem;
import dev.esnetpol.input.YamlDocument;
import dev.esnetpol.model.ResourceReader;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReview;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReviewBuilder;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The admission decision for one {@code AdmissionReview}, with no HTTP in sight: the resource is read and
 * checked by the very code {@code render} uses ({@link ResourceReader#check}), so every error render would
 * report is a denial here, all of them in one message, each with its field path.
 */
public final class AdmissionValidator {

    private final GeneratorOptions options;

    public AdmissionValidator(GeneratorOptions options) {
        this.options = options;
    }

    /** Thrown for a request that is not an AdmissionReview at all: the server answers 400. */
    public static final class BadRequest extends RuntimeException {
        public BadRequest(String message) {
            super(message);
        }
    }

    public AdmissionReview review(JsonNode body) {
        if (body == null || !body.isObject() || !"AdmissionReview".equals(body.path("kind").asText())) {
            throw new BadRequest("expected an AdmissionReview (admission.k8s.io/v1)");
        }
        // The response must carry the request's version, and the configuration offers only v1.
        if (!"admission.k8s.io/v1".equals(body.path("apiVersion").asText())) {
            throw new BadRequest("only admission.k8s.io/v1 AdmissionReviews are answered, not '" + body.path("apiVersion").asText() + "'");
        }
        JsonNode request = body.path("request");
        String uid = request.path("uid").asText("");
        if (!request.isObject() || uid.isEmpty()) {
            throw new BadRequest("request.uid is missing");
        }
        String operation = request.path("operation").asText("");
        JsonNode object = request.path("object");
        if (!operation.equals("CREATE") && !operation.equals("UPDATE")) {
            return allow(uid, List.of()); // DELETE, CONNECT: no new object to check
        }
        if (!object.isObject()) {
            throw new BadRequest("a " + operation + " review needs request.object");
        }
        String kind = object.path("kind").asText(request.path("kind").path("kind").asText(""));
        String namespace = object.path("metadata").path("namespace").asText(request.path("namespace").asText(""));
        String name = object.path("metadata").path("name").asText(request.path("name").asText(""));
        YamlDocument doc = new YamlDocument("admission:" + kind + "/" + namespace + "/" + name, 0, object);
        if (!ResourceReader.isEventStreamsKind(doc)) {
            // The webhook configuration routes only the four kinds here; another kind means the configuration
            // was widened by hand. Refusing it could block unrelated work cluster-wide, so let it through.
            return allow(uid, List.of("es-netpol does not validate " + (kind.isEmpty() ? "this object" : kind)));
        }
        ResourceReader.Result result = ResourceReader.check(doc);
        if (!result.problems().isEmpty()) {
            return deny(uid, kind + " " + (namespace.isEmpty() ? "" : namespace + "/") + name + " would produce wrong network policies: "
                    + result.problems().stream().map(AdmissionValidator::describe).collect(Collectors.joining("; ")));
        }
        // Keys es-netpol does not know are the API server's to judge: told to kubectl as warnings, never denied.
        List<String> warnings = new java.util.ArrayList<>(result.warnings().stream().map(AdmissionValidator::describe).toList());
        warnings.addAll(RiskWarnings.of(result.resource(), options));
        return allow(uid, warnings);
    }

    private static String describe(InputProblem p) {
        return p.path().isEmpty() ? p.message() : p.path() + ": " + p.message();
    }

    private static AdmissionReview allow(String uid, List<String> warnings) {
        return new AdmissionReviewBuilder().withApiVersion("admission.k8s.io/v1").withKind("AdmissionReview")
                .withNewResponse().withUid(uid).withAllowed(true).withWarnings(warnings.isEmpty() ? null : warnings).endResponse()
                .build();
    }

    private static AdmissionReview deny(String uid, String message) {
        return new AdmissionReviewBuilder().withApiVersion("admission.k8s.io/v1").withKind("AdmissionReview")
                .withNewResponse().withUid(uid).withAllowed(false)
                .withStatus(new StatusBuilder().withCode(422).withReason("Invalid").withMessage(message).build())
                .endResponse()
                .build();
    }
}
