package dev.esnetpol.operator;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Gives up the Lease a replica holds when it stops, as client-go's {@code ReleaseOnCancel} does: holder emptied,
 * duration 1 s, so another replica's elector (fabric8's, which may take a Lease without holder at once) takes over
 * at its next retry (2 s) instead of waiting out the 15 s lease. Written with the resourceVersion read: if the
 * Lease changed hands meanwhile, it is left alone.
 */
final class LeaseRelease {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseRelease.class);

    private LeaseRelease() {
    }

    static void release(KubernetesClient client, OperatorSettings.LeaderElection le) {
        try {
            Lease lease = client.leases().inNamespace(le.leaseNamespace()).withName(le.leaseName()).get();
            if (lease == null || lease.getSpec() == null || !le.identity().equals(lease.getSpec().getHolderIdentity())) {
                return;
            }
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
            client.leases().inNamespace(le.leaseNamespace()).resource(new LeaseBuilder(lease).editSpec()
                    .withHolderIdentity(null).withLeaseDurationSeconds(1).withRenewTime(now).withAcquireTime(now)
                    .endSpec().build()).update();
            LOG.info("released the Lease {}/{}: a standby replica takes over now", le.leaseNamespace(), le.leaseName());
        } catch (RuntimeException e) {
            LOG.warn("could not release the Lease {}/{} ({}): a standby takes over when it expires", le.leaseNamespace(), le.leaseName(),
                    e.getMessage());
        }
    }
}
