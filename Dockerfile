# The operator image: the self-contained jar on a JRE. Build the jar first (mvn -B -DskipTests package).
FROM eclipse-temurin:17-jre
COPY target/es-netpol.jar /opt/es-netpol/es-netpol.jar
USER 65532:65532
ENTRYPOINT ["java", "-jar", "/opt/es-netpol/es-netpol.jar"]
