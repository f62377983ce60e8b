package dev.esnetpol.generate;

import dev.esnetpol.catalogue.Platform;
import dev.esnetpol.model.EventStreams;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.EventStreamsSpec;
import dev.esnetpol.model.Listener;
import dev.esnetpol.model.RestComponentSpec;
import dev.esnetpol.model.RestEndpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which platform a resource's policies are written for, and why, decided as the table set is
 * ({@link TableChoice}): what the user says wins, then what the resource itself declares, then what the rest of
 * the inputs (or the live cluster) show, and upstream Kubernetes where nothing says otherwise.
 *
 * @param platform the platform the policies are written for
 * @param reason   why, in words for the {@code es-netpol/platform-reason} annotation
 * @param warning  present when the platform forced differs from what the inputs look like (a {@code warning:} line)
 */
public record PlatformChoice(Platform platform, String reason, Optional<String> warning) {

    /**
     * The label IBM's OpenShift samples carry and its Kubernetes samples do not, at the same commit (the 11.8.0
     * tag of ibm-event-automation, {@code openshift/light-insecure.yaml} against {@code kubernetes/minimal-prod.yaml}):
     * the OpenShift API for Data Protection backup selects the instance by it. A hint only, after routes.
     */
    static final String OPENSHIFT_BACKUP_LABEL = "backup.eventstreams.ibm.com/component";

    /**
     * What the user said and what the rest of the run shows, for every resource of a run.
     *
     * @param forced             {@code --platform}, or empty to decide per resource
     * @param openShiftEvidence  why the inputs or the live cluster look like OpenShift ({@code Route my-route
     *                           (route.openshift.io/v1)}, {@code the API server serves route.openshift.io}), or empty
     */
    public record Setting(Optional<Platform> forced, Optional<String> openShiftEvidence) {
        public static final Setting DETECT = new Setting(Optional.empty(), Optional.empty());

        public Setting withEvidence(Optional<String> evidence) {
            return new Setting(forced, evidence);
        }
    }

    /** The platform of one resource's policies. */
    public static PlatformChoice of(EventStreamsResource resource, Setting setting) {
        Optional<String> own = resource == null ? Optional.empty() : openShiftSign(resource);
        Optional<String> seen = own.isPresent() ? own : setting.openShiftEvidence();
        Platform looks = seen.isPresent() ? Platform.OPENSHIFT : Platform.KUBERNETES;
        if (setting.forced().isPresent()) {
            Platform forced = setting.forced().get();
            Optional<String> warning = Optional.empty();
            if (forced != looks) {
                String who = resource == null ? "the inputs" : resource.getKind() + " " + resource.getMetadata().getName();
                warning = Optional.of(who + " looks like " + looks.id() + " ("
                        + seen.orElse("no route listener or endpoint, no *.openshift.io object") + ") but is rendered with --platform "
                        + forced.id() + ": " + consequence(forced));
            }
            return new PlatformChoice(forced, "forced by --platform " + forced.id(), warning);
        }
        if (seen.isPresent()) {
            return new PlatformChoice(Platform.OPENSHIFT, seen.get(), Optional.empty());
        }
        return new PlatformChoice(Platform.KUBERNETES,
                "nothing says OpenShift (no route listener or endpoint, no *.openshift.io object): upstream Kubernetes", Optional.empty());
    }

    private static String consequence(Platform forced) {
        return forced == Platform.KUBERNETES
                ? "DNS egress opens 53 only (OpenShift's DNS pods serve on 5353) and narrowed route listeners do not admit the router"
                : "DNS egress also opens 5353 and narrowed route listeners admit the OpenShift router";
    }

    /**
     * What to warn about in an installation: a platform forced against what a resource looks like, and a Kafka Connect
     * or geo-replicator that says nothing of OpenShift beside an instance that does (each resource's policies are
     * written from itself, so that rendering file by file gives the same policies: its DNS would lack 5353).
     */
    public static List<String> warnings(dev.esnetpol.model.Installation installation, Setting setting) {
        List<String> out = new ArrayList<>();
        installation.resources().forEach(r -> of(r, setting).warning().ifPresent(out::add));
        installation.eventStreams().filter(es -> of(es, setting).platform() == Platform.OPENSHIFT).ifPresent(es ->
                installation.resources().stream().filter(r -> of(r, setting).platform() != Platform.OPENSHIFT)
                        .forEach(r -> out.add(r.getKind() + " " + r.getMetadata().getName() + " is written for kubernetes (nothing in it "
                                + "says OpenShift) while its instance " + es.getMetadata().getName() + " looks like OpenShift: pass --platform "
                                + "openshift to open OpenShift's DNS port 5353 to it too")));
        return out;
    }

    /**
     * The platform of a whole run (the analyzer profile of verify, review, matrix and explain): the one forced, else
     * OpenShift when any resource or the rest of the inputs look like it, else Kubernetes.
     */
    public static dev.esnetpol.catalogue.Platform ofRun(List<? extends EventStreamsResource> resources, Setting setting) {
        if (setting.forced().isPresent()) {
            return setting.forced().get();
        }
        boolean openShift = setting.openShiftEvidence().isPresent() || resources.stream().anyMatch(r -> openShiftSign(r).isPresent());
        return openShift ? Platform.OPENSHIFT : Platform.KUBERNETES;
    }

    /** What in the resource itself says OpenShift, in words, or empty. */
    static Optional<String> openShiftSign(EventStreamsResource resource) {
        if (resource instanceof EventStreams es && es.getSpec() != null) {
            EventStreamsSpec spec = es.getSpec();
            var o = spec.getStrimziOverrides();
            if (o != null && o.getKafka() != null && o.getKafka().getListeners() != null) {
                for (Listener l : o.getKafka().getListeners().all()) {
                    if ("route".equals(l.getType())) {
                        return Optional.of("listener '" + l.getName() + "' is of type route, which only OpenShift serves");
                    }
                }
            }
            List<String> routed = new ArrayList<>();
            Stream.of(Map.entry("adminApi", Optional.ofNullable(spec.getAdminApi())), Map.entry("adminUI", Optional.ofNullable(spec.getAdminUI())),
                            Map.entry("restProducer", Optional.ofNullable(spec.getRestProducer())),
                            Map.entry("apicurioRegistry", Optional.ofNullable(spec.getApicurioRegistry())))
                    .forEach(e -> e.getValue().map(RestComponentSpec::endpointList).orElse(List.of()).stream()
                            .filter(ep -> ep != null && "route".equals(ep.getType())).map(RestEndpoint::getName)
                            .findFirst().ifPresent(n -> routed.add(e.getKey() + " endpoint '" + n + "'")));
            if (!routed.isEmpty()) {
                return Optional.of(routed.get(0) + " is of type route, which only OpenShift serves");
            }
        }
        Map<String, String> labels = resource.getMetadata() == null ? null : resource.getMetadata().getLabels();
        if (labels != null && labels.containsKey(OPENSHIFT_BACKUP_LABEL)) {
            return Optional.of("label " + OPENSHIFT_BACKUP_LABEL + " (IBM's OpenShift samples carry it for OpenShift API for Data Protection backups)");
        }
        return Optional.empty();
    }
}
