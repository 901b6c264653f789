package id.ruangaman.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Applies {@link FakePlatforms} to every {@code @QuarkusTest}, so they all share one application. */
@QuarkusTestResource(value = FakePlatforms.class, restrictToAnnotatedClass = false)
public class FakePlatformsTestResource {
}
