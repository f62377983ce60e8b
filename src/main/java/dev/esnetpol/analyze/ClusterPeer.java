package dev.esnetpol.analyze;

import dev.esnetpol.kube.Cidr;
import io.fabric8.kubernetes.api.model.LabelSelector;

import java.util.List;

/**
 * One peer of a {@link ClusterPolicy} rule; exactly one field of the API's peer is set (its CRD says
 * MinProperties=MaxProperties=1). Namespaces and pods peers never match host-network pods (the API says so of
 * both); nodes peers match the addresses of the selected Node objects ({@code status.addresses}), which is how
 * host-network pods are reached; networks match addresses, pods' included ("cluster-internal traffic will be
 * checked against the rule as well"); domain names cannot be decided from manifests.
 */
public sealed interface ClusterPeer {

    /** {@code namespaces}: every pod of the selected namespaces. */
    record Namespaces(LabelSelector selector) implements ClusterPeer {
    }

    /** {@code pods}: the selected pods of the selected namespaces. */
    record Pods(LabelSelector namespaces, LabelSelector pods) implements ClusterPeer {
    }

    /** {@code nodes} (egress): the addresses of the selected Node objects. */
    record Nodes(LabelSelector selector) implements ClusterPeer {
    }

    /** {@code networks} (egress): addresses in any of the CIDRs. */
    record Networks(List<Cidr> cidrs) implements ClusterPeer {
        public Networks {
            cidrs = List.copyOf(cidrs);
        }
    }

    /** {@code domainNames} (egress, Accept only in v1alpha2): which addresses they are is decided by DNS at run time. */
    record DomainNames(List<String> names) implements ClusterPeer {
        public DomainNames {
            names = List.copyOf(names);
        }
    }
}
