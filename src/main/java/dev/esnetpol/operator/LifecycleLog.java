package dev.esnetpol.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operator's log of what happens to resources of one kind: one INFO line per thing a user did or the
 * operator wrote (created, updated, deleted policies, an invalid spec, a conflict with another writer, a
 * deletion), never a whole resource and never a stack trace for what is ordinary. A resource being deleted or
 * in a terminating namespace is reported once, however many events its policies' deletion causes; that memory
 * goes when the resource does.
 */
final class LifecycleLog {

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleLog.class);

    private final String kind;
    /** Uids of the resources already reported as being deleted. */
    private final Set<String> reportedGoing = ConcurrentHashMap.newKeySet();

    LifecycleLog(String kind) {
        this.kind = kind;
    }

    private String id(HasMetadata r) {
        return kind + " " + r.getMetadata().getNamespace() + "/" + r.getMetadata().getName();
    }

    /**
     * @param applied          what the applier wrote, null for an invalid resource
     * @param conditionChanged whether the condition was written: a problem a user must fix is logged when it appears
     */
    void reconciled(HasMetadata r, ReconcileOutcome outcome, ApplyResult applied, boolean conditionChanged) {
        if (applied != null && applied.wrote()) {
            LOG.info("{}: {}", id(r), applied.summary());
        }
        if (conditionChanged && outcome.warns()) {
            LOG.info("{}: {}: {}", id(r), outcome.reason(), outcome.message());
        }
    }

    void conflict(HasMetadata r, KubernetesClientException e) {
        LOG.info("{}: changed by another writer meanwhile ({}); starting again from its new version", id(r), ApiRefusals.brief(e));
    }

    void beingDeleted(HasMetadata r) {
        if (reportedGoing.add(r.getMetadata().getUid())) {
            LOG.info("{}: being deleted; its policies are left to the garbage collector", id(r));
        }
    }

    void namespaceTerminating(HasMetadata r) {
        if (reportedGoing.add(r.getMetadata().getUid())) {
            LOG.info("{}: namespace {} is being deleted; no policy is written in it any more", id(r), r.getMetadata().getNamespace());
        }
    }

    void deleted(HasMetadata r) {
        reportedGoing.remove(r.getMetadata().getUid());
        LOG.info("{}: deleted; forgotten (its policies go with it by garbage collection)", id(r));
    }
}
