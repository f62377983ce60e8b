package dev.esnetpol.analyze;

import dev.esnetpol.kube.Cidr;

import java.math.BigInteger;

/** One end of a connection: a pod of the cluster, or an address outside it. */
public sealed interface Node {

    record PodNode(Pod pod) implements Node {
        @Override
        public String toString() {
            return pod.toString();
        }
    }

    record ExternalNode(BigInteger address, boolean ipv6) implements Node {
        public static ExternalNode parse(String ip) {
            Cidr c = Cidr.ofAddress(ip);
            return new ExternalNode(c.first(), c.ipv6());
        }

        @Override
        public String toString() {
            return Cidr.format(address, ipv6);
        }
    }

    static Node of(Pod pod) {
        return new PodNode(pod);
    }
}
