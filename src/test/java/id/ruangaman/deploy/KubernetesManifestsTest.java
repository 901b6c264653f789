package id.ruangaman.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Parses every manifest in deploy/kubernetes/ with the Kubernetes model classes (so a misspelt field or a wrong
 * apiVersion fails here, not at {@code kubectl apply}) and checks what the deployment promises: non-root
 * read-only containers, health probes on the Quarkus endpoints, secrets only by reference, selectors that match,
 * and migrations under a role other than the service's.
 */
class KubernetesManifestsTest {

    private static final Path FOLDER = Path.of("deploy", "kubernetes");
    private static final Pattern SETTING = Pattern.compile("(?m)^([A-Z][A-Z0-9_]*)=");
    private static List<HasMetadata> resources;

    @BeforeAll
    static void parse() throws IOException {
        KubernetesSerialization serialization = new KubernetesSerialization();
        resources = new ArrayList<>();
        for (Path file : manifestFiles()) {
            for (String document : Files.readString(file).split("(?m)^---\\s*$")) {
                if (!document.isBlank()) {
                    HasMetadata resource = serialization.unmarshal(document);
                    assertNotNull(resource.getMetadata().getName(), file + ": a resource without a name");
                    resources.add(resource);
                }
            }
        }
    }

    @Test
    void shouldHaveNoFieldTheModelDoesNotKnow() throws Exception {
        List<String> unknown = new ArrayList<>();
        for (HasMetadata resource : resources) {
            if (!(resource instanceof GenericKubernetesResource)) {
                collectUnknownFields(resource, resource.getKind() + "/" + resource.getMetadata().getName(), unknown);
            }
        }
        assertEquals(List.of(), unknown, "misspelt or misplaced fields");
    }

    @Test
    void shouldListEveryManifestInTheKustomization() throws IOException {
        String kustomization = Files.readString(FOLDER.resolve("kustomization.yaml"));
        Set<String> listed = new TreeSet<>();
        Matcher entry = Pattern.compile("(?m)^\\s+-\\s+(\\S+\\.yaml)\\s*$").matcher(kustomization);
        while (entry.find()) {
            listed.add(entry.group(1));
        }
        Set<String> present = manifestFiles().stream().map(file -> file.getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(present, listed);
    }

    @Test
    void shouldRunTheServiceAsANonRootReadOnlyContainerWithHealthProbes() {
        Deployment deployment = one(Deployment.class, "ruang-aman");
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        assertHardened(pod);
        Container container = pod.getContainers().get(0);
        assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath());
        assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
        assertEquals("/q/health/started", container.getStartupProbe().getHttpGet().getPath());
        assertNotNull(container.getResources().getRequests().get("cpu"), "no CPU request: the autoscaler needs one");
        assertNotNull(container.getResources().getLimits().get("memory"), "no memory limit");
        assertEquals(0, deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal(),
                "a rollout must never leave the webhooks unanswered");
        assertEquals("false", value(container, "QUARKUS_FLYWAY_MIGRATE_AT_START"), "replicas must not migrate");
        assertEquals("true", value(container, "QUARKUS_FLYWAY_VALIDATE_AT_START"));
    }

    @Test
    void shouldMigrateInAJobUnderTheOwningRoleAndServeUnderAnother() {
        Container migrate = one(Job.class, "ruang-aman-migrate").getSpec().getTemplate().getSpec().getContainers().get(0);
        Container service = one(Deployment.class, "ruang-aman").getSpec().getTemplate().getSpec().getContainers().get(0);
        assertHardened(one(Job.class, "ruang-aman-migrate").getSpec().getTemplate().getSpec());
        assertEquals("true", value(migrate, "QUARKUS_INIT_AND_EXIT"));
        assertEquals("true", value(migrate, "QUARKUS_FLYWAY_MIGRATE_AT_START"));
        String migratorSecret = secretName(migrate, "QUARKUS_DATASOURCE_USERNAME");
        String appSecret = secretName(service, "QUARKUS_DATASOURCE_USERNAME");
        assertFalse(migratorSecret.equals(appSecret), "the service must not log in as the migration role");
        assertEquals(migratorSecret, secretName(migrate, "QUARKUS_DATASOURCE_PASSWORD"));
        assertEquals(appSecret, secretName(service, "QUARKUS_DATASOURCE_PASSWORD"));
        assertEquals(value(migrate, "QUARKUS_DATASOURCE_JDBC_URL"), value(service, "QUARKUS_DATASOURCE_JDBC_URL"));
    }

    @Test
    void shouldDeclareTheDatabaseRolesThatTheGrantsCallbackExpects() throws IOException {
        GenericKubernetesResource cluster = (GenericKubernetesResource) resources.stream()
                .filter(resource -> resource.getKind().equals("Cluster")).findFirst().orElseThrow();
        assertEquals("postgresql.cnpg.io/v1", cluster.getApiVersion());
        String grants = Files.readString(Path.of("src/main/resources/db/migration/afterMigrate.sql"));
        Map<String, Object> initdb = cluster.get("spec", "bootstrap", "initdb");
        assertEquals("ruangaman_migrator", initdb.get("owner"));
        assertTrue(initdb.get("postInitApplicationSQL").toString().contains("CREATE ROLE ruangaman_runtime NOLOGIN"));
        List<Map<String, Object>> roles = cluster.get("spec", "managed", "roles");
        Map<String, Object> app = roles.stream().filter(role -> role.get("name").equals("ruangaman_app")).findFirst().orElseThrow();
        assertEquals(List.of("ruangaman_runtime"), app.get("inRoles"));
        assertTrue(grants.contains("rolname = 'ruangaman_runtime'"));
        assertTrue(grants.contains("REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM ruangaman_runtime"));
        assertEquals("ruang-aman-db-rw", one(Deployment.class, "ruang-aman").getSpec().getTemplate().getSpec()
                .getContainers().get(0).getEnv().stream().filter(env -> env.getName().equals("QUARKUS_DATASOURCE_JDBC_URL"))
                .findFirst().orElseThrow().getValue().replaceAll("^jdbc:postgresql://([^:/]+).*$", "$1"));
    }

    @Test
    void shouldTakeSecretsOnlyByReference() {
        for (Container container : containers()) {
            for (EnvVar env : container.getEnv()) {
                if (env.getName().matches(".*(KEY|TOKEN|SECRET|PASSWORD|USERNAME).*")) {
                    assertNull(env.getValue(), container.getName() + ": " + env.getName() + " is written into the manifest");
                    assertNotNull(env.getValueFrom().getSecretKeyRef(), env.getName() + " must come from a Secret");
                }
            }
        }
        assertNotNull(secretName(containers().get(0), "RUANGAMAN_DATA_KEY"));
    }

    @Test
    void shouldUseOnlySettingsTheServiceReads() throws IOException {
        Set<String> known = new TreeSet<>();
        Matcher setting = SETTING.matcher(Files.readString(Path.of(".env.example")));
        while (setting.find()) {
            known.add(setting.group(1));
        }
        for (Container container : containers()) {
            for (EnvVar env : container.getEnv()) {
                if (env.getName().startsWith("RUANGAMAN_") || env.getName().startsWith("TELEGRAM_")
                        || env.getName().startsWith("WHATSAPP_")) {
                    assertTrue(known.contains(env.getName()), env.getName() + " is not a setting in .env.example");
                }
            }
        }
    }

    @Test
    void shouldPointTheAutoscalerBudgetPolicyAndServiceAtTheDeployment() {
        Deployment deployment = one(Deployment.class, "ruang-aman");
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertEquals(deployment.getSpec().getSelector().getMatchLabels(), podLabels);
        HorizontalPodAutoscaler autoscaler = one(HorizontalPodAutoscaler.class, "ruang-aman");
        assertEquals("Deployment", autoscaler.getSpec().getScaleTargetRef().getKind());
        assertEquals(deployment.getMetadata().getName(), autoscaler.getSpec().getScaleTargetRef().getName());
        assertEquals("cpu", autoscaler.getSpec().getMetrics().get(0).getResource().getName());
        assertTrue(autoscaler.getSpec().getMinReplicas() >= 2, "one replica leaves no one to take webhooks during a restart");
        assertEquals(podLabels, one(PodDisruptionBudget.class, "ruang-aman").getSpec().getSelector().getMatchLabels());
        assertEquals(podLabels, one(NetworkPolicy.class, "ruang-aman").getSpec().getPodSelector().getMatchLabels());
        assertEquals(podLabels, one(Service.class, "ruang-aman").getSpec().getSelector());
        Map<String, String> jobLabels = one(Job.class, "ruang-aman-migrate").getSpec().getTemplate().getMetadata().getLabels();
        assertEquals(jobLabels, one(NetworkPolicy.class, "ruang-aman-migrate").getSpec().getPodSelector().getMatchLabels());
    }

    /**
     * The image (deploy/Dockerfile, also used by docker-compose) runs the JVM with the replica's options: a heap share
     * sized for a 512 MiB pod leaves room for metaspace, threads and buffers (the image's old 75% of 512 MiB left
     * about 130 MiB for them, about what the service uses besides its heap, so the kernel could kill the container
     * before the JVM's own OutOfMemoryError). Compose sets the limit the share is taken of.
     */
    @Test
    void shouldRunTheImageWithTheReplicasJvmOptionsAndAMemoryLimit() throws IOException {
        Container service = one(Deployment.class, "ruang-aman").getSpec().getTemplate().getSpec().getContainers().get(0);
        Matcher image = Pattern.compile("(?m)^ENV JAVA_OPTS_APPEND=\"([^\"]*)\"").matcher(Files.readString(Path.of("deploy", "Dockerfile")));
        assertTrue(image.find(), "deploy/Dockerfile sets no JAVA_OPTS_APPEND");
        assertEquals(value(service, "JAVA_OPTS_APPEND"), image.group(1));
        Matcher composeLimit = Pattern.compile("(?m)^\\s+mem_limit:\\s*(\\d+)m\\s*$").matcher(
                Files.readString(Path.of("deploy", "docker-compose.yml")));
        assertTrue(composeLimit.find(), "the compose service has no memory limit");
        assertEquals(service.getResources().getLimits().get("memory").toString(), composeLimit.group(1) + "Mi");
    }

    /** The model keeps fields it has no property for in additionalProperties; any there is a mistake. */
    private static void collectUnknownFields(Object node, String path, List<String> unknown) throws Exception {
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectUnknownFields(list.get(i), path + "[" + i + "]", unknown);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                collectUnknownFields(entry.getValue(), path + "." + entry.getKey(), unknown);
            }
            return;
        }
        if (node == null || !node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value = getter.invoke(node);
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) value).keySet().forEach(name -> unknown.add(path + "." + name));
            } else {
                collectUnknownFields(value, path + "." + getter.getName().substring(3), unknown);
            }
        }
    }

    private static void assertHardened(PodSpec pod) {
        assertTrue(pod.getSecurityContext().getRunAsNonRoot());
        assertFalse(pod.getAutomountServiceAccountToken(), "the service needs no Kubernetes API token");
        for (Container container : pod.getContainers()) {
            assertTrue(container.getSecurityContext().getReadOnlyRootFilesystem(), container.getName());
            assertFalse(container.getSecurityContext().getAllowPrivilegeEscalation(), container.getName());
            assertEquals(List.of("ALL"), container.getSecurityContext().getCapabilities().getDrop());
            assertTrue(container.getVolumeMounts().stream().anyMatch(mount -> mount.getMountPath().equals("/tmp")),
                    "a read-only root needs a writable /tmp");
        }
    }

    private static List<Container> containers() {
        return Stream.concat(
                resources.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
                        .flatMap(deployment -> deployment.getSpec().getTemplate().getSpec().getContainers().stream()),
                resources.stream().filter(Job.class::isInstance).map(Job.class::cast)
                        .flatMap(job -> job.getSpec().getTemplate().getSpec().getContainers().stream()))
                .toList();
    }

    private static String value(Container container, String name) {
        return container.getEnv().stream().filter(env -> env.getName().equals(name)).findFirst()
                .map(EnvVar::getValue).orElseThrow(() -> new AssertionError(container.getName() + " lacks " + name));
    }

    private static String secretName(Container container, String name) {
        return container.getEnv().stream().filter(env -> env.getName().equals(name)).findFirst()
                .map(env -> env.getValueFrom().getSecretKeyRef().getName())
                .orElseThrow(() -> new AssertionError(container.getName() + " lacks " + name));
    }

    private static <T extends HasMetadata> T one(Class<T> type, String name) {
        return resources.stream().filter(type::isInstance).map(type::cast)
                .filter(resource -> resource.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name));
    }

    private static List<Path> manifestFiles() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(file -> file.toString().endsWith(".yaml"))
                    .filter(file -> !file.getFileName().toString().equals("kustomization.yaml"))
                    .sorted().toList();
        }
    }
}
