package store.traffictacos.capacity.controller.kubernetes;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether we may do, in the load-test namespace, everything {@link KubernetesRunnerFleet} does.
 * Asked with SelfSubjectAccessReviews, which every authenticated user may create and which create
 * nothing, so a missing permission is found before a half-created run is left behind.
 */
final class FleetPermissions {

    private record Permission(String verb, String group, String resource, String subresource) {
        @Override
        public String toString() {
            String kind = group.isEmpty() ? resource : resource + "." + group;
            return verb + " " + (subresource.isEmpty() ? kind : kind + "/" + subresource);
        }
    }

    private static final List<Permission> NEEDED = List.of(
            new Permission("create", "batch", "jobs", ""),
            new Permission("get", "batch", "jobs", ""),
            new Permission("list", "batch", "jobs", ""),
            new Permission("patch", "batch", "jobs", ""),
            new Permission("delete", "batch", "jobs", ""),
            new Permission("create", "", "configmaps", ""),
            new Permission("list", "", "configmaps", ""),
            new Permission("patch", "", "configmaps", ""),
            new Permission("delete", "", "configmaps", ""),
            new Permission("list", "", "pods", ""),
            new Permission("delete", "", "pods", ""),
            new Permission("get", "", "pods", "log"));

    private FleetPermissions() {}

    /** The permissions we lack, as "create jobs.batch"; empty when we have them all. */
    static List<String> missing(KubernetesClient client, String namespace) {
        return NEEDED.stream()
                .filter(permission -> !allowed(client, namespace, permission))
                .map(Permission::toString)
                .collect(Collectors.toList());
    }

    private static boolean allowed(KubernetesClient client, String namespace, Permission permission) {
        SelfSubjectAccessReview review = client.authorization()
                .v1()
                .selfSubjectAccessReview()
                .create(new SelfSubjectAccessReviewBuilder()
                        .withNewSpec()
                        .withNewResourceAttributes()
                        .withNamespace(namespace)
                        .withVerb(permission.verb())
                        .withGroup(permission.group())
                        .withResource(permission.resource())
                        .withSubresource(permission.subresource())
                        .endResourceAttributes()
                        .endSpec()
                        .build());
        return review.getStatus() != null
                && Boolean.TRUE.equals(review.getStatus().getAllowed());
    }
}
