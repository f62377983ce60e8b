package dev.esnetpol.generate;

/**
 * What a group of Kafka pods is in KRaft terms (kraft.md): the node pool it comes from ({@code pool} is null
 * for an instance that declares no pools) and its roles. A ZooKeeper-era Kafka group has no KafkaRoles.
 *
 * @param pool       the name in {@code spec.strimziOverrides.nodePools[].name}, or null
 * @param broker     the pool has the broker role: broker rows and the listeners apply
 * @param controller the pool has the controller role: controller rows apply
 */
public record KafkaRoles(String pool, boolean broker, boolean controller) {

    /** "broker", "controller" or "broker+controller", as reports name a pool's roles. */
    public String describe() {
        return broker && controller ? "broker+controller" : broker ? "broker" : controller ? "controller" : "none";
    }
}
