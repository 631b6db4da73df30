package org.rogatory.testing;

import com.github.dockerjava.api.exception.NotFoundException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.ImagePullPolicy;
import org.testcontainers.utility.DockerImageName;

/**
 * Image pull policy that never pulls: no image registry is reachable from these machines, and a
 * pull attempt would wait on outside hosts instead of failing. An image that is not in the local
 * Docker daemon fails at once with a message saying how to get it. It is also Testcontainers'
 * default policy for every image here ({@code pull.policy} in this module's
 * {@code testcontainers.properties}), so a helper image Testcontainers would start (Ryuk,
 * alpine) fails the same way instead of hanging.
 */
public final class LocalImagesOnly implements ImagePullPolicy {

    @Override
    public boolean shouldPull(DockerImageName imageName) {
        String name = imageName.asCanonicalNameString();
        try {
            DockerClientFactory.lazyClient().inspectImageCmd(name).exec();
            return false;
        } catch (NotFoundException absent) {
            throw new IllegalStateException("Docker image " + name + " is not in the local Docker daemon and"
                    + " is never pulled (no image registry is reachable). The Kafka image rogatory/kafka:4.2.0"
                    + " is built by deploy/kafka-image/build.sh (.ci/run does it when it is missing);"
                    + " Testcontainers' helper images are not needed with TESTCONTAINERS_RYUK_DISABLED=true"
                    + " and TESTCONTAINERS_HOST_OVERRIDE=localhost (set for failsafe in the root pom).", absent);
        }
    }
}
