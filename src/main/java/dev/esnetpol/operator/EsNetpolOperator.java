package dev.esnetpol.operator;

import dev.esnetpol.generate.PolicyGenerator;
import dev.esnetpol.model.EventStreams;
import dev.esnetpol.model.ServedVersions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;

import java.util.List;
import java.util.logging.Logger;

/**
 * es-netpol's operator: the Java Operator SDK running one reconciler per resource kind, all sharing one
 * generator, one applier and one set of metrics. With generation switched off it registers no reconciler
 * and, if told to, deletes what es-netpol applied before (docs/operator.md).
 */
public final class EsNetpolOperator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EsNetpolOperator.class.getName());

    private final Operator operator;
    private final OperatorSettings settings;
    private final KubernetesClient client;
    private final OperatorMetrics metrics;
    private volatile boolean started;
    private volatile boolean closed;
    /** Empty with generation off. */
    private final java.util.Optional<PolicyApplier> applier;

    public EsNetpolOperator(KubernetesClient client, OperatorSettings settings, OperatorMetrics metrics) {
        this.client = client;
        this.settings = settings;
        this.metrics = metrics;
        this.operator = new Operator(o -> {
            o.withKubernetesClient(client)
                    .checkingCRDAndValidateLocalModel(false)
                    .withCloseClientOnStop(false)
                    .withUseSSAToPatchPrimaryResource(false)
                    .withConcurrentReconciliationThreads(8);
            settings.leaderElection().ifPresent(le -> o.withLeaderElectionConfiguration(
                    LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(le.leaseName())
                            .withLeaseNamespace(le.leaseNamespace())
                            .withIdentity(le.identity())
                            .withLeaseDuration(le.leaseDuration())
                            .withRenewDeadline(le.renewDeadline())
                            .withRetryPeriod(le.retryPeriod())
                            // Losing the lease must stop writes at once: the process exits and Kubernetes restarts it.
                            .withExitOnStopLeading(le.exitOnLoss())
                            .build()));
        });
        ServedVersions served = settings.generation() ? ServedVersions.discover(client) : null;
        this.applier = settings.generation() ? java.util.Optional.of(new PolicyApplier(client, metrics, served)) : java.util.Optional.empty();
        if (settings.generation()) {
            PolicyGenerator generator = new PolicyGenerator(settings.generator());
            PolicyApplier applier = this.applier.orElseThrow();
            // 13.0 removed EventStreamsGeoReplicator: no controller, and no watch, for a kind the cluster does not have.
            boolean geoReplicators = served.geoReplicators();
            List<Reconciler<?>> reconcilers = new java.util.ArrayList<>(List.of(new EventStreamsReconciler(generator, applier, metrics, geoReplicators,
                    ClusterPolicyKinds.served(client)),
                    new KafkaConnectReconciler(generator, applier, metrics),
                    new KafkaMirrorMaker2Reconciler(generator, applier, metrics)));
            if (geoReplicators) {
                reconcilers.add(new EventStreamsGeoReplicatorReconciler(generator, applier, metrics));
            }
            reconcilers.forEach(this::register);
        }
    }

    private <R extends io.fabric8.kubernetes.api.model.HasMetadata> void register(Reconciler<R> reconciler) {
        GenericRetry retry = new GenericRetry().setInitialInterval(settings.retry().initial())
                .setIntervalMultiplier(settings.retry().multiplier())
                .setMaxInterval(settings.retry().max().toMillis())
                .setMaxAttempts(settings.retry().attempts());
        operator.register(reconciler, o -> {
            // No finalizer (deletion is the garbage collector's, through owner references), yet reconcile is called
            // for a deleted resource too, so that the operator forgets it (docs/operator.md, "Deletion").
            // A resource's policies follow its spec and its metadata (the eventstreams.ibm.com/cluster label, the
            // es-netpol/external-egress annotation); metadata changes leave metadata.generation alone, so the filter
            // is ours: a new generation, labels or annotations. Status-only updates (our own writes among them) are not events.
            o.withItemStore(SlimStore.primary());
            o.withRetry(retry).withReconciliationMaxInterval(settings.resync()).withTriggerReconcilerOnAllEvents(true)
                    .withGenerationAware(false)
                    .withOnUpdateFilter((newer, older) -> !java.util.Objects.equals(newer.getMetadata().getGeneration(), older.getMetadata().getGeneration())
                            || !java.util.Objects.equals(newer.getMetadata().getLabels(), older.getMetadata().getLabels())
                            || !java.util.Objects.equals(newer.getMetadata().getAnnotations(), older.getMetadata().getAnnotations()));
            if (settings.namespaces().isEmpty()) {
                o.watchingAllNamespaces();
            } else {
                o.settingNamespaces(settings.namespaces());
            }
        });
    }

    public void start() {
        if (!settings.generation()) {
            if (settings.onDisable() == OperatorSettings.OnDisable.delete) {
                int deleted = GenerationCleanup.deleteAll(client, settings.namespaces());
                LOG.info("network policy generation is off: deleted " + deleted + " policies es-netpol had applied");
            } else {
                LOG.info("network policy generation is off: policies es-netpol applied are kept, no longer maintained");
            }
            started = true;
            return;
        }
        operator.start();
        started = true;
    }

    public boolean isAlive() {
        return started;
    }

    /** Ready once started with healthy informers (a standby replica is ready too: it waits for the lease). */
    public boolean isReady() {
        if (!started) {
            return false;
        }
        return !settings.generation() || operator.getRuntimeInfo().allEventSourcesAreHealthy();
    }

    /** How many resources the operator remembers applied policies of: the live ones it applied, no deleted one. */
    int rememberedResources() {
        return applier.map(PolicyApplier::remembered).orElse(0);
    }

    public OperatorMetrics metrics() {
        return metrics;
    }

    /**
     * Stops the reconcilers, then hands the Lease over if this replica holds it, so that a standby takes over at its
     * next retry instead of waiting out the lease (15 s): what client-go's {@code ReleaseOnCancel} does, which the
     * SDK does not ask of fabric8's elector. Called on SIGTERM (the command's shutdown hook).
     */
    @Override
    public synchronized void close() {
        if (!started && closed) {
            return;
        }
        if (settings.generation()) {
            operator.stop();
        }
        settings.leaderElection().ifPresent(le -> LeaseRelease.release(client, le));
        started = false;
        closed = true;
    }

    /** The kinds whose resources es-netpol reads (for docs and RBAC). */
    public static List<Class<?>> watchedKinds() {
        return List.of(EventStreams.class, dev.esnetpol.model.KafkaConnect.class, dev.esnetpol.model.KafkaMirrorMaker2.class,
                dev.esnetpol.model.EventStreamsGeoReplicator.class);
    }
}
