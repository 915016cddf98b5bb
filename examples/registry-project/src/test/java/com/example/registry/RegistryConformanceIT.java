package com.example.registry;

import dev.regconform.junit.RegistryConformanceSuite;
import dev.regconform.junit.RegistryUnderTest;
import org.junit.platform.suite.api.ConfigurationParameter;

// tag::suite[]
/** Every regconform check against this project's registry; only failures the baseline does not list fail the build. */
@RegistryConformanceSuite
@ConfigurationParameter(key = RegistryUnderTest.PARAMETER, value = "com.example.registry.StartedRegistry")
@ConfigurationParameter(key = "regconform.baseline", value = "src/test/resources/regconform-baseline.yaml")
class RegistryConformanceIT {}
// end::suite[]
