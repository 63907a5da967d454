package io.camelvk.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link WithControlPlane}, plus one virtual kubelet (mock provider, node {@code vk-<namespace>})
 * for the test class, injected as a {@link RunningKubelet} parameter and stopped, its node deleted,
 * after the class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ControlPlaneExtension.class)
@ExtendWith(VirtualKubeletExtension.class)
public @interface WithVirtualKubelet {}
