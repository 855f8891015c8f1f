/**
 * Handlers of the IAM API areas: each {@link io.sigil.server.api.ApiModule} maps the AWS SDK request object of an
 * operation to a call of its sigil-core service and the domain answer back to the SDK response object, which the
 * Query codec writes as XML (IAM API Reference, "Actions" and "Data Types"). Handlers hold no logic of their own
 * beyond defaults of optional members; authorisation happens before they run. The policy simulator
 * ({@link io.sigil.server.api.iam.SimulatorApi}) is the exception: it runs the engine itself and builds its results
 * here (IAM API Reference, "SimulatePrincipalPolicy"), since it reads policies and writes nothing.
 */
package io.sigil.server.api.iam;
