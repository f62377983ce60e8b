package dev.esnetpol.generate;

import dev.esnetpol.generate.InstallationFacts.KafkaTarget;
import dev.esnetpol.model.BootstrapServers;
import dev.esnetpol.model.EventStreamsGeoReplicator;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.ExternalTargets;
import dev.esnetpol.model.Installations;
import dev.esnetpol.model.Listener;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where a Kafka Connect, KafkaMirrorMaker2 or geo-replicator reaches brokers, read from its resource. */
final class KafkaTargetReader {

    private KafkaTargetReader() {
    }

    /**
     * A Kafka Connect or KafkaMirrorMaker2 reaches the brokers its bootstrap servers name, on their ports, in
     * whatever namespace the host names; an EventStreamsGeoReplicator (which names no bootstrap) reaches its
     * instance's listeners. A server es-netpol cannot place is a warning: its traffic is outside traffic.
     *
     * @param r                the resource of the group
     * @param instance         the instance it belongs to, when its resource says
     * @param instancePresent  whether that instance's EventStreams is among the inputs (its listeners are known)
     * @param listeners        the instance's listeners
     * @param warnings         where what cannot be placed is said, one sentence each
     */
    static List<KafkaTarget> read(EventStreamsResource r, Optional<InstanceRef> instance, boolean instancePresent,
                                  List<Listener> listeners, List<String> warnings) {
        String who = r.getKind() + " " + Installations.namespace(r, null) + "/" + r.getMetadata().getName();
        List<KafkaTarget> out = new ArrayList<>();
        if (r instanceof EventStreamsGeoReplicator) {
            if (instance.isPresent() && instancePresent) {
                listeners.forEach(l -> out.add(new KafkaTarget(instance.get(), l.getPort(), "listener " + l.getName())));
            } else {
                warnings.add(who + ": the listeners of its instance are not among the inputs; render it with its EventStreams "
                        + "to let it reach the brokers");
            }
            return out;
        }
        String own = Installations.namespace(r, null);
        for (BootstrapServers.Server server : Installations.bootstrapServers(r)) {
            if (!server.namesAnInstance() || server.port() == null) {
                warnings.add(who + ": bootstrap server '" + server.host() + (server.port() == null ? "" : ":" + server.port())
                        + "' is not an Event Streams bootstrap service (<instance>-kafka-bootstrap[.<namespace>[.svc]]:<port>); "
                        + "es-netpol lets it out only through the external egress (" + ExternalTargets.ANNOTATION + ")");
                continue;
            }
            String ns = server.namespace().filter(n -> !n.equals(own)).orElse(null);
            out.add(new KafkaTarget(new InstanceRef(ns, server.instance().get()), server.port(), "bootstrap " + server.host() + ":" + server.port()));
        }
        return out;
    }
}
