/** Detail of the services that no other module uses: rendering of MFA QR codes. */
package io.sigil.iam.service.internal;
